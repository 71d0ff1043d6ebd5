package org.boltkt.client.connection

import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.Request
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.Value

/**
 * The one request/answer step every exchange that expects a single final answer uses (BEGIN, COMMIT, ROLLBACK,
 * ROUTE, TELEMETRY, HELLO, LOGON, LOGOFF, the RUN of a query): sends [request] and returns its SUCCESS metadata.
 * Failures are thrown for the error mapper to translate; see [awaitSuccess].
 */
internal suspend fun BoltConnection.request(request: Request): Map<String, Value> {
    enqueue(request)
    flush()
    return awaitSuccess(request.kind)
}

/**
 * Reads the answer of the oldest pending request, a [kind] sent earlier (pipelined), and returns its SUCCESS
 * metadata. A FAILURE is thrown as [ServerFailureException] (the connection stays in sync: the caller releases it
 * and it is RESET). IGNORED is accepted (empty metadata) only when [ignoredIsFine]; IGNORED otherwise, or a RECORD,
 * breaks the protocol: the connection is closed and a [BoltProtocolException] thrown.
 */
internal suspend fun BoltConnection.awaitSuccess(kind: RequestKind, ignoredIsFine: Boolean = false): Map<String, Value> =
    when (val answer = receive()) {
        is Response.Success -> answer.metadata
        is Response.Failure -> throw ServerFailureException(answer, address)
        Response.Ignored -> if (ignoredIsFine) emptyMap() else unexpected(kind, answer)
        is Response.Record -> unexpected(kind, answer)
    }

private fun BoltConnection.unexpected(kind: RequestKind, answer: Response): Nothing {
    close()
    throw BoltProtocolException("$kind answered with $answer")
}

/** A FAILURE answer, carried to the one place that maps protocol failures to public exceptions. */
internal class ServerFailureException(val failure: Response.Failure, val address: ServerAddress) :
    RuntimeException("${failure.code}: ${failure.message}")
