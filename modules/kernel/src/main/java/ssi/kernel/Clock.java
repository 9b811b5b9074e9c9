package ssi.kernel;

/** Runs quanta in the background, never letting virtual time run ahead of the wall clock. */
final class Clock {
    private final Thread thread;
    private volatile boolean running = true;

    Clock(Kernel kernel) {
        thread = Thread.ofPlatform().daemon().name("ssi-clock").start(() -> {
            long wallStart = System.nanoTime();
            long virtualStart = kernel.now();
            while (running && kernel.tick()) {
                long ahead = (kernel.now() - virtualStart) - (System.nanoTime() - wallStart);
                if (ahead > 0) {
                    try {
                        Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
