package ssi.guest.meter;

/** What the guest runtime asks of the work-meter instrument. */
public interface MeterService {
    /** The meter of the context entered on the calling thread. */
    Meter current();
}
