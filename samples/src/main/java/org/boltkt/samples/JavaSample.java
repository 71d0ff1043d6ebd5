package org.boltkt.samples;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.boltkt.client.error.ClientException;
import org.boltkt.javainterop.AsyncResultCursor;
import org.boltkt.javainterop.AsyncSession;
import org.boltkt.javainterop.BlockingSession;
import org.boltkt.javainterop.JavaAuthTokens;
import org.boltkt.javainterop.JavaDriver;
import org.boltkt.javainterop.JavaDriverConfig;
import org.boltkt.javainterop.JavaEagerResult;
import org.boltkt.javainterop.JavaParameters;
import org.boltkt.javainterop.JavaRecord;
import org.boltkt.javainterop.JavaSessionConfig;

/**
 * The Java sample: the same driver through CompletableFuture, a Flow.Publisher subscriber and the blocking facade.
 */
public final class JavaSample {
    private JavaSample() {}

    public static void main(String[] args) throws Exception {
        SampleServer server = SampleServer.connect();
        System.out.println();
        System.out.println("== Java sample: CompletableFuture, Flow.Publisher, blocking ==");
        // tag::quickstart[]
        JavaDriver driver = JavaDriver.create(
                server.getUri(), JavaAuthTokens.basic(server.getUser(), server.getPassword()),
                JavaDriverConfig.builder().withFetchSize(2).build());
        JavaEagerResult greeting = driver.executeQuery("RETURN 'hello, ' + $name AS text", Map.of("name", "Java"));
        System.out.println(greeting.getRecords().get(0).getString("text"));
        // end::quickstart[]
        try (driver) {
            futures(driver);
            publisher(driver);
            blocking(driver);
            typed(driver);
            driver.executeQuery("MATCH (n:BoltktSample) DETACH DELETE n");
            System.out.println("Cleaned up the sample nodes.");
        }
    }

    /** A CompletableFuture chain: write in a managed transaction, then read with a cursor. Nothing blocks until join(). */
    private static void futures(JavaDriver driver) {
        AsyncSession session = driver.asyncSession();
        String movies = session.executeWriteAsync(tx -> tx.runAsync(
                                "UNWIND $titles AS title MERGE (:Movie:BoltktSample {title: title})",
                                Map.of("titles", List.of("The Matrix", "Speed", "Point Break", "The Net", "John Wick")))
                        .thenCompose(AsyncResultCursor::consumeAsync))
                .thenCompose(summary -> {
                    System.out.println("Created " + summary.getCounters().getNodesCreated() + " movies (executeWriteAsync).");
                    return session.runAsync("MATCH (m:Movie:BoltktSample) RETURN m.title AS title ORDER BY title");
                })
                .thenCompose(AsyncResultCursor::listAsync)
                .thenApply(records -> String.join(", ", records.stream().map(r -> r.getString("title")).toList()))
                .whenComplete((ok, error) -> session.closeAsync())
                .join();
        System.out.println("Movies, read through a CompletableFuture chain: " + movies);

        // Failures complete the future with the driver's own exception type.
        Throwable error = driver.asyncSession().runAsync("RETRUN 1").handle((cursor, e) -> e).join();
        System.out.println("A typo completes the future with " + error.getClass().getSimpleName() + ": "
                + ((ClientException) error).getCode());
    }

    /** A Flow.Publisher subscriber asking for two records at a time: the driver pulls from the server only as asked. */
    private static void publisher(JavaDriver driver) throws Exception {
        AsyncSession session = driver.asyncSession();
        AsyncResultCursor cursor = session.runAsync("MATCH (m:Movie:BoltktSample) RETURN m.title AS title ORDER BY title").get();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        cursor.records().subscribe(new Flow.Subscriber<JavaRecord>() {
            private Flow.Subscription subscription;
            private int received;

            @Override public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                System.out.println("Subscriber: requesting 2");
                s.request(2);
            }

            @Override public void onNext(JavaRecord record) {
                received++;
                System.out.println("Subscriber: got " + record.getString("title"));
                if (received % 2 == 0) {
                    System.out.println("Subscriber: requesting 2 more");
                    subscription.request(2);
                }
            }

            @Override public void onError(Throwable t) { done.completeExceptionally(t); }

            @Override public void onComplete() { done.complete(received); }
        });
        System.out.println("Publisher completed after " + done.get() + " records.");
        session.closeAsync().get();
    }

    /** The blocking facade: plain calls, fine on virtual threads (JDK 21+) and platform threads alike. */
    private static void blocking(JavaDriver driver) throws Exception {
        Runnable work = () -> {
            try (BlockingSession session = driver.session(JavaSessionConfig.defaults())) {
                long count = session.executeRead(tx -> tx.run("MATCH (m:Movie:BoltktSample) RETURN count(m) AS c").single().getLong("c"));
                System.out.println("Blocking facade on " + describe(Thread.currentThread()) + ": " + count + " movies");
            }
        };
        Thread thread = startVirtualOrPlatform(work);
        thread.join();
    }

    /** A movie as a Java record: written as a parameter and read back, mapped by column name. */
    public record Movie(String title, long released) {}

    /** Typed results and parameters: records sent for UNWIND and rows read back into records, straight from the bytes. */
    private static void typed(JavaDriver driver) {
        // tag::typed[]
        try (BlockingSession session = driver.session()) {
            List<Movie> batch = List.of(new Movie("Heat", 1995), new Movie("Ronin", 1998));
            session.executeWrite(tx -> tx.run(
                    "UNWIND $batch AS m CREATE (:Movie:BoltktSample {title: m.title, released: m.released})",
                    JavaParameters.list("batch", batch, Movie.class)).consume());
            List<Movie> movies = session.run("MATCH (m:Movie:BoltktSample) WHERE m.released IS NOT NULL "
                    + "RETURN m.title AS title, m.released AS released ORDER BY released").list(Movie.class);
            System.out.println("Typed results: " + movies);
        }
        // end::typed[]
    }

    private static String describe(Thread t) {
        return t.toString().startsWith("VirtualThread") ? "a virtual thread" : "platform thread '" + t.getName() + "'";
    }

    /** A virtual thread on JDK 21+ (looked up reflectively: the samples compile for Java 17), else a platform thread. */
    private static Thread startVirtualOrPlatform(Runnable body) throws Exception {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, body);
        } catch (NoSuchMethodException e) {
            Thread thread = new Thread(body, "sample-worker");
            thread.start();
            return thread;
        }
    }
}
