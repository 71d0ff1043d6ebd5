package org.boltkt.client.session

import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.summary.ResultSummary
import org.boltkt.protocol.value.Value

/** Builds [ResultSummary]s from a finished cursor: the one place the session layer meets summary parsing. */
internal object SummaryFactory {
    fun of(cursor: ResultCursor, connection: BoltConnection, query: String, parameters: Map<String, Value>): ResultSummary =
        TODO("wired to ResultSummary.from at merge")
}
