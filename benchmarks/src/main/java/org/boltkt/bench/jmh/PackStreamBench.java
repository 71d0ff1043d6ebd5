package org.boltkt.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.boltkt.protocol.message.Response;
import org.boltkt.protocol.message.ResponseDecoder;
import org.boltkt.protocol.packstream.DecodeLimits;
import org.boltkt.protocol.packstream.PackStreamWriter;
import org.boltkt.protocol.value.MapValue;
import org.boltkt.protocol.version.BoltVersion;
import org.boltkt.protocol.version.Capabilities;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** PackStream encode and decode of one typical mixed-type record (see {@link BenchRows}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PackStreamBench {
    private final Capabilities caps = Capabilities.Companion.of(new BoltVersion(5, 8), false, org.boltkt.protocol.version.ServerFlavor.NEO4J);
    private byte[] record;
    private MapValue params;
    private final PackStreamWriter writer = new PackStreamWriter(512);

    @Setup
    public void setup() {
        record = BenchRows.record(123_456);
        params = new MapValue(BenchRows.paramRow(123_456));
    }

    /** RECORD message bytes to a Response.Record with its values (node, date, map, list ...). */
    @Benchmark
    public Response decodeRecord() {
        return ResponseDecoder.INSTANCE.decode(record, caps, DecodeLimits.Companion.getDEFAULT(), 0, record.length);
    }

    /** A map of mixed values (the parameter form of the row) to PackStream, reusing the writer. */
    @Benchmark
    public int encodeRow() {
        writer.reset();
        BenchRows.encode(writer, params);
        return writer.getSize();
    }
}
