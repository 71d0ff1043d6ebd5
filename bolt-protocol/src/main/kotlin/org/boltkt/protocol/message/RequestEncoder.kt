package org.boltkt.protocol.message

import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueEncoder
import org.boltkt.protocol.version.Capabilities
import org.boltkt.protocol.version.RouteForm

/**
 * Writes one [Request] as a PackStream structure (the message body, before chunking) for the negotiated
 * [Capabilities].
 *
 * Throws [UnsupportedByVersionException] (an [IllegalArgumentException]) when the request cannot be expressed in
 * that version (LOGON before 5.1, auth in HELLO from 5.1, a database before 4.0, notification filters before 5.2,
 * TELEMETRY before 5.4, impersonation before 4.4, ROUTE before 4.3), and [IllegalArgumentException] when a
 * parameter cannot be sent (see [ValueEncoder]). The writer may then hold a partial message and should be
 * [PackStreamWriter.reset]. A [Run]'s [ParameterWriter] reports a value the version cannot carry the same way
 * (an [IllegalArgumentException] naming it), before anything is sent. Optional informational fields the version lacks (`bolt_agent` before 5.3) are left out
 * silently. Before 4.0, PULL and DISCARD become PULL_ALL and DISCARD_ALL whatever their `n`: those versions always
 * stream a result whole.
 *
 * Stateless and thread-safe; the writer is not.
 */
public object RequestEncoder {
    /** Appends [request] to [writer]. */
    public fun encode(request: Request, capabilities: Capabilities, writer: PackStreamWriter) {
        val sig = request.kind.signature
        val fmt = capabilities.valueFormat
        when (request) {
            is Hello -> { writer.writeStructHeader(1, sig); ValueEncoder.writeMap(writer, helloExtra(request, capabilities), fmt) }
            is Logon -> {
                expressible(capabilities.logonLogoff, capabilities) { "LOGON needs Bolt 5.1+; send the auth token in HELLO on ${capabilities.version}" }
                writer.writeStructHeader(1, sig); ValueEncoder.writeMap(writer, request.auth.entries, fmt)
            }
            Logoff -> { expressible(capabilities.logonLogoff, capabilities) { "LOGOFF needs Bolt 5.1+" }; writer.writeStructHeader(0, sig) }
            is Telemetry -> {
                expressible(capabilities.telemetry, capabilities) { "TELEMETRY needs Bolt 5.4+" }
                writer.writeStructHeader(1, sig); writer.writeInt(request.api.code.toLong())
            }
            Goodbye, Reset, Commit, Rollback -> writer.writeStructHeader(0, sig)
            is Run -> {
                writer.writeStructHeader(3, sig)
                writer.writeString(request.query)
                val parameterWriter = request.parameterWriter
                if (parameterWriter == null) ValueEncoder.writeMap(writer, request.parameters, fmt) else parameterWriter.write(writer, fmt)
                ValueEncoder.writeMap(writer, txExtra(request.options, capabilities), fmt)
            }
            is Begin -> { writer.writeStructHeader(1, sig); ValueEncoder.writeMap(writer, txExtra(request.options, capabilities), fmt) }
            is Discard -> stream(writer, sig, request.n, request.qid, capabilities)
            is Pull -> stream(writer, sig, request.n, request.qid, capabilities)
            is Route -> route(request, capabilities, writer)
        }
    }

    /** Convenience: the encoded bytes of [request] in a fresh array. */
    public fun encodeToByteArray(request: Request, capabilities: Capabilities): ByteArray =
        PackStreamWriter(64).also { encode(request, capabilities, it) }.toByteArray()

    private fun helloExtra(h: Hello, c: Capabilities): Map<String, Value> {
        val m = LinkedHashMap<String, Value>()
        m["user_agent"] = StringValue(h.userAgent)
        if (c.logonLogoff) {
            expressible(h.auth == null, c) { "from Bolt 5.1 the auth token goes in LOGON, not HELLO" }
        } else {
            requireNotNull(h.auth) { "Bolt ${c.version} needs the auth token in HELLO" }.entries.let(m::putAll)
        }
        h.routing?.let { r -> m["routing"] = stringMap(r) }
        if (c.requestsUtcPatch) m["patch_bolt"] = ListValue(listOf(StringValue("utc")))
        if (c.boltAgent && h.boltAgent != null) {
            val a = h.boltAgent
            m["bolt_agent"] = MapValue(
                buildMap {
                    put("product", StringValue(a.product))
                    a.platform?.let { put("platform", StringValue(it)) }
                    a.language?.let { put("language", StringValue(it)) }
                    a.languageDetails?.let { put("language_details", StringValue(it)) }
                },
            )
        }
        notifications(h.notificationFilter, c, m)
        return m
    }

    private fun txExtra(o: TransactionOptions, c: Capabilities): Map<String, Value> {
        if (o == TransactionOptions.DEFAULT) return emptyMap()
        val m = LinkedHashMap<String, Value>()
        if (o.bookmarks.isNotEmpty()) m["bookmarks"] = stringList(o.bookmarks)
        o.timeout?.let { t ->
            val ms = t.toMillis() + if (t.toNanosPart() % 1_000_000 != 0) 1 else 0
            m["tx_timeout"] = IntegerValue(ms)
        }
        if (o.metadata.isNotEmpty()) m["tx_metadata"] = MapValue(o.metadata)
        if (o.mode == AccessMode.READ) m["mode"] = StringValue("r")
        o.database?.let {
            expressible(c.databases, c) { "selecting a database ('$it') needs Bolt 4.0+ (Neo4j 4.0+); the server speaks Bolt ${c.version}" }
            m["db"] = StringValue(it)
        }
        o.impersonatedUser?.let {
            expressible(c.impersonation, c) { "impersonation needs Bolt 4.4+ (Neo4j 4.4+); the server speaks Bolt ${c.version}" }
            m["imp_user"] = StringValue(it)
        }
        notifications(o.notificationFilter, c, m)
        return m
    }

    private fun notifications(f: NotificationFilter?, c: Capabilities, m: MutableMap<String, Value>) {
        if (f == null || (f.minimumSeverity == null && f.disabledClassifications == null)) return
        expressible(c.notificationFilters, c) { "notification filters need Bolt 5.2+; the server speaks Bolt ${c.version}" }
        f.minimumSeverity?.let { m["notifications_minimum_severity"] = StringValue(it) }
        f.disabledClassifications?.let { m[c.notificationClassificationsKey] = stringList(it) }
    }

    private fun stream(w: PackStreamWriter, signature: Int, n: Long, qid: Long, c: Capabilities) {
        if (!c.pullN) {
            w.writeStructHeader(0, signature)
            return
        }
        w.writeStructHeader(1, signature)
        w.writeMapHeader(if (qid == LAST_QUERY_ID) 1 else 2)
        w.writeString("n"); w.writeInt(n)
        if (qid != LAST_QUERY_ID) { w.writeString("qid"); w.writeInt(qid) }
    }

    private fun route(r: Route, c: Capabilities, w: PackStreamWriter) {
        val fmt = c.valueFormat
        if (c.routeForm == RouteForm.CLUSTER_PROCEDURE || c.routeForm == RouteForm.ROUTING_PROCEDURE) {
            throw UnsupportedByVersionException("ROUTE needs Bolt 4.3+; fetch the table with the routing procedure on ${c.version}", c.version)
        }
        w.writeStructHeader(3, RequestKind.ROUTE.signature)
        ValueEncoder.writeMap(w, stringMap(r.routing).entries, fmt)
        ValueEncoder.write(w, stringList(r.bookmarks), fmt)
        when (c.routeForm) {
            RouteForm.CLUSTER_PROCEDURE, RouteForm.ROUTING_PROCEDURE -> error("checked above")
            RouteForm.V4_3 -> {
                expressible(r.impersonatedUser == null, c) { "impersonation in ROUTE needs Bolt 4.4+" }
                if (r.database == null) w.writeNull() else w.writeString(r.database)
            }
            RouteForm.V4_4 -> {
                val extra = LinkedHashMap<String, Value>()
                r.database?.let { extra["db"] = StringValue(it) }
                r.impersonatedUser?.let { extra["imp_user"] = StringValue(it) }
                ValueEncoder.writeMap(w, extra, fmt)
            }
        }
    }

    private inline fun expressible(condition: Boolean, c: Capabilities, message: () -> String) {
        if (!condition) throw UnsupportedByVersionException(message(), c.version)
    }

    private fun stringMap(m: Map<String, String>) = MapValue(m.mapValues { StringValue(it.value) })
    private fun stringList(l: Collection<String>) = ListValue(l.map(::StringValue))
}
