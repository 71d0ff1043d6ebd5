package org.boltkt.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.boltkt.bench.StreamRow;
import org.boltkt.bench.TypedRowsKt;
import org.boltkt.client.mapping.RowBytesDecoder;
import org.boltkt.client.mapping.RowDecoder;
import org.boltkt.client.record.Record;
import org.boltkt.client.record.RecordKeys;
import org.boltkt.protocol.message.Response;
import org.boltkt.protocol.message.ResponseDecoder;
import org.boltkt.protocol.packstream.DecodeLimits;
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

/**
 * P7's decode step alone, without transport or coroutines: one {@link BenchRows} RECORD's bytes into a
 * {@link StreamRow}, through the typed decoder straight from the bytes ({@code typed}) and through values, a
 * {@link Record} and the hand mapping ({@code handMapped}). Run with {@code -prof gc} for bytes per row. The typed
 * classes are the client's internal ones (Java sees them as public).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TypedDecodeBench {
    private final Capabilities caps = Capabilities.Companion.of(new BoltVersion(5, 8), false, org.boltkt.protocol.version.ServerFlavor.NEO4J);
    private final DecodeLimits limits = DecodeLimits.Companion.getDEFAULT();
    private final RecordKeys keys = RecordKeys.of(BenchRows.FIELDS);
    private byte[][] records;
    private RowBytesDecoder typed;
    private int next;

    @Setup
    public void setup() {
        records = new byte[256][];
        for (int k = 0; k < records.length; k++) records[k] = BenchRows.record(123_456 + k);
        typed = new RowBytesDecoder(new RowDecoder<>(StreamRow.Companion.serializer(), BenchRows.FIELDS));
    }

    private byte[] nextRecord() {
        next = (next + 1) & 255;
        return records[next];
    }

    @Benchmark
    public Object typed() {
        byte[] r = nextRecord();
        return ((Response.DecodedRecord) ResponseDecoder.INSTANCE.decode(r, caps, limits, 0, r.length, typed)).getRow();
    }

    @Benchmark
    public Object handMapped() {
        byte[] r = nextRecord();
        Response.Record rec = (Response.Record) ResponseDecoder.INSTANCE.decode(r, caps, limits, 0, r.length, null);
        return TypedRowsKt.handMapped(new Record(keys, rec.getFields()));
    }
}
