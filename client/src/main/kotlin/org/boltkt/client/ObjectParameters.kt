package org.boltkt.client

import org.boltkt.client.value.parametersOf

/**
 * Runs [query] with the properties of [parameters] (a `@Serializable` class) as its parameters, encoded straight to
 * PackStream: `session.run("CREATE (:Movie {title: \$title, released: \$released})", parameters = movie)`. A map
 * argument still picks the member `run` taking a map. Same contract as [Session.run] with
 * [org.boltkt.client.value.QueryParameters].
 * @throws kotlinx.serialization.SerializationException (an [IllegalArgumentException], before anything is sent)
 *   when `T` has no serializer: annotate it with `@Serializable` or use `parametersOf(serializer, value)`.
 */
public suspend inline fun <reified T : Any> Session.run(query: String, parameters: T, config: TransactionConfig = TransactionConfig.DEFAULT): Result =
    run(query, parametersOf(parameters), config)

/** Runs [query] in the transaction with the properties of [parameters] as its parameters; see [Session.run]. */
public suspend inline fun <reified T : Any> TransactionContext.run(query: String, parameters: T): Result =
    run(query, parametersOf(parameters))
