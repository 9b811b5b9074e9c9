package ssi.mfs;

import java.io.IOException;

/** Where a guest's file operations go to be carried out: the kernel, which orders and charges them. */
@FunctionalInterface
public interface FileGate {
    /** Carries out a call and returns its result; throws what the operation threw. */
    Object pass(FileCall call) throws IOException;

    /** Carries every call out at once, on the caller's thread, free of cost. */
    FileGate DIRECT = FileCall::run;
}
