package org.boltkt.bench.jmh;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.boltkt.protocol.chunk.ChunkWriter;
import org.boltkt.protocol.packstream.PackStreamWriter;
import org.boltkt.protocol.value.DateValue;
import org.boltkt.protocol.value.FloatValue;
import org.boltkt.protocol.value.IntegerValue;
import org.boltkt.protocol.value.ListValue;
import org.boltkt.protocol.value.MapValue;
import org.boltkt.protocol.value.StringValue;
import org.boltkt.protocol.value.Value;
import org.boltkt.protocol.value.ValueEncoder;
import org.boltkt.protocol.value.ValueFormat;

/**
 * The typical mixed-type row every benchmark uses, in the shape the end-to-end stream query returns:
 * {@code i (int), name (string), score (float), list [int, int], map {k: int, s: string}, node (:BenchNode {id, name}), day (date)}.
 * Bytes are encoded the way Neo4j 5.x encodes them (smallest markers, Bolt 5 node with element id).
 */
public final class BenchRows {
    private BenchRows() {}

    public static final List<String> FIELDS = List.of("i", "name", "score", "list", "map", "node", "day");
    private static final LocalDate EPOCH_DAY = LocalDate.of(2024, 1, 1);

    /** The parameter-style values of row {@code i} (no node: nodes cannot be sent as parameters). */
    public static Map<String, Value> paramRow(long i) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("i", new IntegerValue(i));
        m.put("name", new StringValue("name-" + i));
        m.put("score", new FloatValue(i / 3.0));
        m.put("list", new ListValue(List.of(new IntegerValue(i), new IntegerValue(i % 1000))));
        m.put("map", new MapValue(Map.of("k", new IntegerValue(i % 1000))));
        m.put("day", new DateValue(EPOCH_DAY.plusDays(i % 365)));
        return m;
    }

    /** Writes the RECORD message (struct 0x71 with one list field) of row {@code i} into {@code w}. */
    public static void writeRecord(PackStreamWriter w, long i) {
        long nodeId = i % 1000;
        w.writeStructHeader(1, 0x71);
        w.writeListHeader(7);
        w.writeInt(i);
        w.writeString("name-" + i);
        w.writeFloat(i / 3.0);
        w.writeListHeader(2); w.writeInt(i); w.writeInt(nodeId);
        w.writeMapHeader(2); w.writeString("k"); w.writeInt(nodeId); w.writeString("s"); w.writeString("node-" + nodeId);
        // Node: id, labels, properties, element id (Bolt 5).
        w.writeStructHeader(4, 0x4E);
        w.writeInt(nodeId);
        w.writeListHeader(1); w.writeString("BenchNode");
        w.writeMapHeader(2); w.writeString("id"); w.writeInt(nodeId); w.writeString("name"); w.writeString("node-" + nodeId);
        w.writeString("4:8c0e6d2a-5a9b-4c52-9f43-0d8a1c2b3e4f:" + nodeId);
        w.writeStructHeader(1, 0x44);
        w.writeInt(EPOCH_DAY.plusDays(i % 365).toEpochDay());
    }

    /** The message bytes (not chunked) of row {@code i}. */
    public static byte[] record(long i) {
        PackStreamWriter w = new PackStreamWriter(256);
        writeRecord(w, i);
        return w.toByteArray();
    }

    /** {@code count} consecutive rows from {@code first}, each chunked, back to back as they arrive on the wire. */
    public static byte[] framedRecords(long first, int count) {
        PackStreamWriter w = new PackStreamWriter(256);
        ArrayList<byte[]> framed = new ArrayList<>(count);
        int total = 0;
        for (int k = 0; k < count; k++) {
            w.reset();
            writeRecord(w, first + k);
            byte[] f = ChunkWriter.Companion.getDEFAULT().frame(w.buffer(), 0, w.getSize());
            framed.add(f);
            total += f.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] f : framed) { System.arraycopy(f, 0, out, at, f.length); at += f.length; }
        return out;
    }

    /** A batch parameter of {@code n} maps, as the UNWIND write workload sends it. */
    public static List<Value> batch(int n) {
        ArrayList<Value> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Map<String, Value> m = new LinkedHashMap<>();
            m.put("id", new IntegerValue(k));
            m.put("name", new StringValue("person-" + k));
            m.put("score", new FloatValue(k * 0.25));
            out.add(new MapValue(m));
        }
        return out;
    }

    /** Encodes {@code value} with the Bolt 5 format; for encode benchmarks. */
    public static void encode(PackStreamWriter w, Value value) {
        ValueEncoder.INSTANCE.write(w, value, ValueFormat.Companion.getBOLT_5());
    }
}
