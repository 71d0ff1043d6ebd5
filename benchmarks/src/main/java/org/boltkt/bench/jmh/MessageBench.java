package org.boltkt.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.boltkt.protocol.chunk.ChunkWriter;
import org.boltkt.protocol.message.Pull;
import org.boltkt.protocol.message.RequestEncoder;
import org.boltkt.protocol.message.Run;
import org.boltkt.protocol.message.TransactionOptions;
import org.boltkt.protocol.packstream.PackStreamWriter;
import org.boltkt.protocol.value.IntegerValue;
import org.boltkt.protocol.value.StringValue;
import org.boltkt.protocol.value.Value;
import org.boltkt.protocol.version.BoltVersion;
import org.boltkt.protocol.version.Capabilities;
import org.boltkt.protocol.version.ServerFlavor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Request encoding: RUN with parameters followed by PULL, framed into one reused output buffer. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageBench {
    private final Capabilities caps = Capabilities.Companion.of(new BoltVersion(5, 8), false, ServerFlavor.NEO4J);
    private final Map<String, Value> params = Map.of(
            "id", new IntegerValue(42), "name", new StringValue("Alice"), "limit", new IntegerValue(100));
    private final Run run = new Run("MATCH (p:Person {id: $id, name: $name}) RETURN p LIMIT $limit", params, TransactionOptions.Companion.getDEFAULT());
    private final Pull pull = new Pull(1000, -1);
    private final PackStreamWriter writer = new PackStreamWriter(512);
    private final byte[] out = new byte[4096];

    @Benchmark
    public int runAndPull() {
        ChunkWriter chunks = ChunkWriter.Companion.getDEFAULT();
        writer.reset();
        RequestEncoder.INSTANCE.encode(run, caps, writer);
        int n = chunks.frameInto(writer.buffer(), 0, writer.getSize(), out, 0);
        writer.reset();
        RequestEncoder.INSTANCE.encode(pull, caps, writer);
        return n + chunks.frameInto(writer.buffer(), 0, writer.getSize(), out, n);
    }
}
