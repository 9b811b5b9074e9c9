/**
 * The cluster's one file namespace: {@code /bin}, {@code /home}, {@code /tmp}, each node's
 * {@code /mfs/N} stored durably on the host, and mounted files such as {@code /proc}; served to
 * guests as a polyglot file system whose operations reach the kernel as system calls (FileCall).
 * <p>
 * Owns: files, their durable storage and open channels. May not touch: processes, time or cost
 * (the kernel prices a file call; procfs fills {@code /proc}).
 */
package ssi.mfs;
