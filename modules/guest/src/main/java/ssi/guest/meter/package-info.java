/**
 * The work meter: a Truffle instrument counting guest statements as work units, which ends a slice
 * when its budget is spent. Unexported: only the guest runtime arms and reads it.
 */
package ssi.guest.meter;
