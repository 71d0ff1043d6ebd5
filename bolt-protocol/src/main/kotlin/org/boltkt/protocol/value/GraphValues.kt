package org.boltkt.protocol.value

/**
 * A graph node. Before Bolt 5.0 the server sends no element id; the decoder then uses [id] in decimal, as the
 * official drivers do, so [elementId] is always usable. Nodes are results only: they cannot be sent as parameters.
 */
public data class NodeValue(
    public val id: Long,
    public val elementId: String,
    public val labels: List<String>,
    public val properties: Map<String, Value>,
) : Value

/** A relationship with its endpoints. Element ids default to decimal ids before Bolt 5.0 (see [NodeValue]). */
public data class RelationshipValue(
    public val id: Long,
    public val elementId: String,
    public val startNodeId: Long,
    public val startNodeElementId: String,
    public val endNodeId: Long,
    public val endNodeElementId: String,
    public val type: String,
    public val properties: Map<String, Value>,
) : Value

/** A relationship inside a [PathValue], whose endpoints are implied by its position in the path. */
public data class UnboundRelationshipValue(
    public val id: Long,
    public val elementId: String,
    public val type: String,
    public val properties: Map<String, Value>,
) : Value

/** One hop of a path: [relationship] oriented as stored, walked from [start] to [end]. */
public data class PathSegment(public val start: NodeValue, public val relationship: RelationshipValue, public val end: NodeValue)

/**
 * A path as sent on the wire: distinct [nodes], distinct [relationships] and the [indices] sequence that walks
 * them (alternating relationship index — 1-based, negative when traversed against its direction — and node index).
 * The decoder validates the indices, so [segments] never fails on a decoded path.
 */
public data class PathValue(
    public val nodes: List<NodeValue>,
    public val relationships: List<UnboundRelationshipValue>,
    public val indices: List<Long>,
) : Value {
    /**
     * The path hop by hop, starting at `nodes[0]`.
     * @throws IllegalStateException when the indices do not describe a walk (only for hand-built paths).
     */
    public fun segments(): List<PathSegment> {
        check(indices.size % 2 == 0 && nodes.isNotEmpty()) { "path indices must come in pairs over a non-empty node list" }
        val out = ArrayList<PathSegment>(indices.size / 2)
        var prev = nodes[0]
        var i = 0
        while (i < indices.size) {
            val r = indices[i]
            val n = indices[i + 1]
            check(r != 0L && kotlin.math.abs(r) <= relationships.size) { "relationship index $r out of range" }
            check(n in 0 until nodes.size) { "node index $n out of range" }
            val next = nodes[n.toInt()]
            val u = relationships[(kotlin.math.abs(r) - 1).toInt()]
            val (s, e) = if (r > 0) prev to next else next to prev
            out += PathSegment(prev, RelationshipValue(u.id, u.elementId, s.id, s.elementId, e.id, e.elementId, u.type, u.properties), next)
            prev = next
            i += 2
        }
        return out
    }
}
