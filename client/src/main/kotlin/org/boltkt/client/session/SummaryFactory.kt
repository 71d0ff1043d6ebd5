package org.boltkt.client.session

import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.summary.ResultSummary
import org.boltkt.client.summary.ServerInfo
import org.boltkt.client.summary.SummaryInputs
import org.boltkt.protocol.value.Value

/** Builds [ResultSummary]s from a finished cursor: the one place the session layer meets summary parsing. */
internal object SummaryFactory {
    /** @throws org.boltkt.client.error.ProtocolException when the server's summary metadata cannot be read. */
    fun of(cursor: ResultCursor, connection: BoltConnection, query: String, parameters: Map<String, Value>): ResultSummary =
        of(
            SummaryInputs(
                query = query,
                parameters = parameters,
                server = serverInfo(connection),
                runMetadata = cursor.runMetadata,
                finalMetadata = cursor.summaryMetadata ?: emptyMap(),
                hadRecords = cursor.mayHaveHadRecords,
            ),
        )

    /** The summary of [inputs]. @throws org.boltkt.client.error.ProtocolException when the metadata cannot be read. */
    fun of(inputs: SummaryInputs): ResultSummary =
        try {
            ResultSummary.from(inputs)
        } catch (e: IllegalArgumentException) {
            throw ErrorMapper.malformedSummary(inputs.server.address, e)
        }

    /** Memgraph may send no agent in HELLO; the summary then says `unknown`. */
    fun serverInfo(connection: BoltConnection): ServerInfo =
        ServerInfo(connection.address.toString(), connection.server.agent ?: "unknown", connection.capabilities.version)
}
