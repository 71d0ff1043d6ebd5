package org.boltkt.samples;

/** Runs the Kotlin sample, then the Java sample, against one server (embedded unless NEO4J_URI is set). */
public final class RunSamples {
    private RunSamples() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        KotlinSample.main();
        JavaSample.main(args);
        System.out.printf("%nBoth samples finished in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        // The embedded server (if any) stops in a shutdown hook; that takes a few seconds.
        System.exit(0);
    }
}
