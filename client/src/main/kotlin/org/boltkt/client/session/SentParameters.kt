package org.boltkt.client.session

import org.boltkt.client.value.QueryParameters
import org.boltkt.client.value.Values
import org.boltkt.protocol.message.ParameterWriter
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.message.TransactionOptions
import org.boltkt.protocol.value.Value

/**
 * The parameters of one `run`, as the caller gave them: a map converted to [Value]s when the RUN is built, or
 * [QueryParameters] written straight into the message by the connection's encoder (no value tree; the summary
 * decodes them only if its `query.parameters` is read).
 */
internal class SentParameters private constructor(private val map: Map<String, Any?>?, private val objects: QueryParameters?) {
    private var values: Map<String, Value> = emptyMap()

    /**
     * Converts a map's values; call before acquiring a connection, so a value that cannot be sent fails with
     * nothing to clean up. @throws IllegalArgumentException naming the parameter.
     */
    fun prepare(): SentParameters {
        if (map != null) values = Values.parameters(map)
        return this
    }

    /** The RUN request (after [prepare]). Objects are encoded only when the connection writes it. */
    fun run(query: String, options: TransactionOptions = TransactionOptions.DEFAULT): Run =
        if (objects != null) {
            Run(query, options = options, parameterWriter = if (objects.isEmpty()) null else ParameterWriter(objects::write))
        } else {
            Run(query, values, options)
        }

    /** What the summary reports as the query's parameters. */
    val forSummary: Map<String, Value>
        get() = if (objects != null) DecodedOnDemand(objects) else values

    private class DecodedOnDemand(private val objects: QueryParameters) : AbstractMap<String, Value>() {
        private val decoded by lazy(LazyThreadSafetyMode.PUBLICATION) { objects.toValues() }
        override val entries: Set<Map.Entry<String, Value>> get() = decoded.entries
    }

    companion object {
        fun of(parameters: Map<String, Any?>): SentParameters = SentParameters(parameters, null)
        fun of(parameters: QueryParameters): SentParameters = SentParameters(null, parameters)
    }
}
