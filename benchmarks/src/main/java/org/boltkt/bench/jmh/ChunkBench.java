package org.boltkt.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.boltkt.protocol.chunk.ChunkReassembler;
import org.boltkt.protocol.message.ResponseDecoder;
import org.boltkt.protocol.packstream.DecodeLimits;
import org.boltkt.protocol.version.BoltVersion;
import org.boltkt.protocol.version.Capabilities;
import org.boltkt.protocol.version.ServerFlavor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The read path below the client: 1,000 chunked RECORD messages fed in socket-sized slices through the
 * reassembler, alone and with each message decoded. Scores are per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkBench {
    private static final int RECORDS = 1000;
    private final Capabilities caps = Capabilities.Companion.of(new BoltVersion(5, 8), false, ServerFlavor.NEO4J);

    /** Bytes per feed call, like one socket read. */
    @Param({"8192", "65536"})
    public int sliceSize;

    private byte[] stream;
    private ChunkReassembler reassembler;

    @Setup
    public void setup() {
        stream = BenchRows.framedRecords(0, RECORDS);
        reassembler = new ChunkReassembler(ChunkReassembler.DEFAULT_MAX_MESSAGE_SIZE, ChunkReassembler.DEFAULT_RETAINED_BUFFER_SIZE);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void reassembleOnly(Blackhole bh) {
        for (int at = 0; at < stream.length; at += sliceSize) {
            int n = Math.min(sliceSize, stream.length - at);
            reassembler.feed(stream, at, n, (b, o, l) -> bh.consume(l));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void reassembleAndDecode(Blackhole bh) {
        DecodeLimits limits = DecodeLimits.Companion.getDEFAULT();
        for (int at = 0; at < stream.length; at += sliceSize) {
            int n = Math.min(sliceSize, stream.length - at);
            reassembler.feed(stream, at, n, (b, o, l) -> bh.consume(ResponseDecoder.INSTANCE.decode(b, caps, limits, o, l)));
        }
    }
}
