package org.boltkt.client.session

import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.connection.ServerFailureException
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.DriverDefectException
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.transport.ServerAddress

/**
 * Turns anything a connection throws into the public exception hierarchy, through the one [ErrorMapper]:
 * FAILURE answers by their status code, protocol errors and transport failures by kind. Public exceptions pass
 * through unchanged. Cancellation must be rethrown by the caller before it gets here.
 */
internal object ErrorTranslator {
    /**
     * [map] for a failure on [connection], passed through its routing [BoltConnection.failureHook] when it has one.
     * A driver defect closes [connection]: its state can no longer be trusted.
     */
    fun map(error: Throwable, connection: BoltConnection, duringCommit: Boolean = false): Throwable {
        val mapped = map(error, connection.address, duringCommit)
        if (mapped is DriverDefectException) connection.close()
        if (mapped is BoltException) connection.securityErrorHandler?.invoke(mapped)
        return connection.failureHook?.invoke(mapped) ?: mapped
    }

    fun map(error: Throwable, address: ServerAddress?, duringCommit: Boolean = false): Throwable = when (error) {
        is BoltException -> error
        is ServerFailureException -> ErrorMapper.fromFailure(error.failure)
        else -> ErrorMapper.fromThrowable(error, address?.toString(), duringCommit)
    }
}
