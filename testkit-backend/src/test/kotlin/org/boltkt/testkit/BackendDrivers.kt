package org.boltkt.testkit

import kotlinx.coroutines.runBlocking

/** Creates a driver through [backend]'s NewDriver for [uri] (basic auth), verifies connectivity once and closes it. */
fun verifyOnceThroughBackend(backend: Backend, uri: String) {
    DriverHandlers.newDriver(
        backend,
        obj(
            "uri" to uri,
            "authorizationToken" to obj("name" to "AuthorizationToken", "data" to obj("scheme" to "basic", "principal" to "neo4j", "credentials" to "pass")),
        ),
    )
    val driverId = backend.drivers.keys.single()
    runBlocking {
        DriverHandlers.verifyConnectivity(backend, obj("driverId" to driverId))
        DriverHandlers.close(backend, obj("driverId" to driverId))
    }
}
