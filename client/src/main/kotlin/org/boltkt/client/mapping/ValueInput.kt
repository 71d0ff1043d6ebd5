package org.boltkt.client.mapping

import org.boltkt.client.value.typeName
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UnboundRelationshipValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorElementType
import org.boltkt.protocol.value.VectorValue

/**
 * [BoltInput] over [Value]s already decoded: a work stack of what is still to be read (values, map keys and
 * container ends), so containers are walked in the same order as their bytes.
 */
internal class ValueInput(first: Value) : BoltInput {
    private val pending = ArrayDeque<Any>(8).apply { addLast(first) }

    private fun next(): Value = pending.first() as Value
    private fun take(): Value = pending.removeFirst() as Value

    override fun peekType(): InputType = when (val v = next()) {
        NullValue -> InputType.NULL
        is BooleanValue -> InputType.BOOLEAN
        is IntegerValue -> InputType.INTEGER
        is FloatValue -> InputType.FLOAT
        is StringValue -> InputType.STRING
        is BytesValue -> InputType.BYTES
        is ListValue -> InputType.LIST
        is MapValue -> InputType.MAP
        is NodeValue -> InputType.NODE
        is RelationshipValue, is UnboundRelationshipValue -> InputType.RELATIONSHIP
        is PathValue -> InputType.PATH
        else -> InputType.OTHER
    }

    override fun peekTypeName(): String = next().typeName()
    override fun readNull() { take() }
    override fun readBoolean(): Boolean = (take() as BooleanValue).value
    override fun readLong(): Long = (take() as IntegerValue).value
    override fun readDouble(): Double = (take() as FloatValue).value
    override fun readString(): String = (take() as StringValue).value
    override fun readBytes(): ByteArray = (take() as BytesValue).value.copyOf()
    override fun readValue(): Value = take()
    override fun skip() { take() }
    override fun readKey(): String = pending.removeFirst() as String

    override fun beginList(): Int {
        val items: List<Value> = when (val v = take()) {
            is ListValue -> v.values
            is VectorValue -> vectorItems(v)
            else -> error("not a list: ${v.typeName()}")
        }
        pending.addFirst(END)
        for (i in items.indices.reversed()) pending.addFirst(items[i])
        return items.size
    }

    override fun beginMap(): Int = enterEntries((take() as MapValue).entries)

    override fun beginEntity(): Int = enterEntries(
        when (val v = take()) {
            is NodeValue -> v.properties
            is RelationshipValue -> v.properties
            is UnboundRelationshipValue -> v.properties
            else -> error("not a node or relationship: ${v.typeName()}")
        },
    )

    private fun enterEntries(entries: Map<String, Value>): Int {
        pending.addFirst(END)
        val list = entries.entries.toList()
        for (i in list.indices.reversed()) {
            pending.addFirst(list[i].value)
            pending.addFirst(list[i].key)
        }
        return list.size
    }

    override fun end() {
        // Items the decoder did not read (it stopped early after an error) are dropped with the container.
        while (pending.removeFirst() !== END) Unit
    }

    private companion object {
        val END = Any()

        fun vectorItems(v: VectorValue): List<Value> = when (v.elementType) {
            VectorElementType.FLOAT32, VectorElementType.FLOAT64 -> v.toDoubleArray().map { FloatValue(it) }
            else -> v.toLongArray().map { IntegerValue.of(it) }
        }
    }
}
