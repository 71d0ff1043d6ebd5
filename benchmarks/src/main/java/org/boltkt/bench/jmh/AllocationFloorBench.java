package org.boltkt.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.boltkt.protocol.message.Response;
import org.boltkt.protocol.value.DateValue;
import org.boltkt.protocol.value.FloatValue;
import org.boltkt.protocol.value.IntegerValue;
import org.boltkt.protocol.value.ListValue;
import org.boltkt.protocol.value.MapValue;
import org.boltkt.protocol.value.NodeValue;
import org.boltkt.protocol.value.StringValue;
import org.boltkt.protocol.value.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under P6: building the objects of one {@link BenchRows} record with no parsing at all, from values
 * already known (strings still made from their UTF-8 bytes, since each row's strings are distinct). Whatever a
 * driver does to decode a record that it hands out as objects, it pays at least this; compared with the time the
 * socket needs to deliver the record's 132 bytes, it bounds the share of the raw read rate any such driver reaches.
 * Names the decoder caches (map keys, the label) are shared here too, and small integers come from the same cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AllocationFloorBench {
    private static final List<String> LABELS = List.of("BenchNode");
    private final byte[] name = "name-123456".getBytes(StandardCharsets.UTF_8);
    private final byte[] nodeName = "node-456".getBytes(StandardCharsets.UTF_8);
    private final byte[] elementId = "4:8c0e6d2a-5a9b-4c52-9f43-0d8a1c2b3e4f:456".getBytes(StandardCharsets.UTF_8);
    private long i = 123_456;

    /** The record's ~25 objects: values, list, maps, node, date and the Response.Record around them. */
    @Benchmark
    public Response materialize() {
        long row = i++;
        long nodeId = row % 1000;
        Value nodeNameValue = new StringValue(new String(nodeName, StandardCharsets.UTF_8));
        Value nodeIdValue = IntegerValue.Companion.of(nodeId);
        return new Response.Record(List.of(
            new IntegerValue(row),
            new StringValue(new String(name, StandardCharsets.UTF_8)),
            new FloatValue(row / 3.0),
            new ListValue(List.of(new IntegerValue(row), nodeIdValue)),
            new MapValue(Map.of("k", nodeIdValue, "s", new StringValue(new String(nodeName, StandardCharsets.UTF_8)))),
            new NodeValue(nodeId, new String(elementId, StandardCharsets.UTF_8), List.copyOf(LABELS), Map.of("id", nodeIdValue, "name", nodeNameValue)),
            new DateValue(LocalDate.ofEpochDay(19_723 + row % 365))
        ));
    }
}
