package org.boltkt.client.connection

import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.Response

/** A FAILURE answer, carried to the one place that maps protocol failures to public exceptions. */
internal class ServerFailureException(val failure: Response.Failure, val address: ServerAddress) :
    RuntimeException("${failure.code}: ${failure.message}")
