package org.boltkt.micrometer

import io.micrometer.common.KeyValue
import io.micrometer.common.KeyValues
import io.micrometer.observation.Observation
import io.micrometer.observation.ObservationConvention
import org.boltkt.client.observe.QueryOutcome

/**
 * Names and key values of a query's observation. Implement it (or extend [DefaultBoltQueryObservationConvention])
 * and pass it to [MicrometerDriverListener] to change them; register it in the `ObservationRegistry` as a global
 * convention to override for every driver.
 */
public interface BoltQueryObservationConvention : ObservationConvention<BoltQueryContext> {
    override fun supportsContext(context: Observation.Context): Boolean = context is BoltQueryContext
}

/**
 * The default, after OpenTelemetry's semantic conventions for database client spans and metrics:
 * - name `db.client.operation` (the timer; OpenTelemetry's metric is `db.client.operation.duration`);
 * - contextual (span) name `{db.operation.name} {db.namespace}`, falling back to whichever is known, then `neo4j`;
 * - low-cardinality keys `db.system.name` = `neo4j`, `db.namespace` (the database; the one the server reported when
 *   the session named none), `db.operation.name` (the query's first Cypher clause, e.g. `MATCH`, `CREATE`,
 *   `OPTIONAL MATCH`, `CALL`; after `EXPLAIN`/`PROFILE`/`USE x`), `server.address`, `server.port`, `outcome`
 *   (`SUCCESS`, `FAILURE`, `CANCELLED`), `db.response.status_code` and `error.type` (the server's error code, else
 *   the exception's class name);
 * - high-cardinality keys `db.query.text` (only with `includeQueryText`: the text may hold literals) and
 *   `db.client.connection.id` (the server's connection id).
 *
 * A key whose value is unknown carries `none` ([KeyValue.NONE_VALUE]), so every timer of this name has the same tag
 * keys (Prometheus requires it).
 */
public open class DefaultBoltQueryObservationConvention @JvmOverloads constructor(
    private val includeQueryText: Boolean = false,
) : BoltQueryObservationConvention {
    override fun getName(): String = NAME

    override fun getContextualName(context: BoltQueryContext): String {
        val operation = CypherOperation.of(context.started.query)
        val namespace = namespace(context)
        return when {
            operation != null && namespace != null -> "$operation $namespace"
            else -> operation ?: namespace ?: SYSTEM
        }
    }

    override fun getLowCardinalityKeyValues(context: BoltQueryContext): KeyValues {
        val finished = context.finished
        val errorType = when {
            finished?.outcome != QueryOutcome.FAILURE -> KeyValue.NONE_VALUE
            else -> finished.errorCode ?: finished.error?.javaClass?.simpleName ?: KeyValue.NONE_VALUE
        }
        return KeyValues.of(
            KeyValue.of("db.system.name", SYSTEM),
            KeyValue.of("db.namespace", namespace(context) ?: KeyValue.NONE_VALUE),
            KeyValue.of("db.operation.name", CypherOperation.of(context.started.query) ?: KeyValue.NONE_VALUE),
            KeyValue.of("server.address", context.started.address.host),
            KeyValue.of("server.port", context.started.address.port.toString()),
            KeyValue.of("outcome", finished?.outcome?.name ?: KeyValue.NONE_VALUE),
            KeyValue.of("db.response.status_code", finished?.errorCode ?: KeyValue.NONE_VALUE),
            KeyValue.of("error.type", errorType),
        )
    }

    override fun getHighCardinalityKeyValues(context: BoltQueryContext): KeyValues {
        val id = KeyValue.of("db.client.connection.id", context.started.connectionId ?: KeyValue.NONE_VALUE)
        return if (includeQueryText) KeyValues.of(id, KeyValue.of("db.query.text", context.started.query)) else KeyValues.of(id)
    }

    private fun namespace(context: BoltQueryContext): String? = context.finished?.database ?: context.started.database

    public companion object {
        /** The observation's name. */
        public const val NAME: String = "db.client.operation"

        /** The value of `db.system.name`. */
        public const val SYSTEM: String = "neo4j"
    }
}
