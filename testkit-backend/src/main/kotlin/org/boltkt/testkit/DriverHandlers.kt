package org.boltkt.testkit

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import org.boltkt.client.BoltDriver
import org.boltkt.client.NotificationDisabledClassification
import org.boltkt.client.NotificationFilterConfig
import org.boltkt.client.NotificationMinimumSeverity
import org.boltkt.client.QueryConfig
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.protocol.message.AccessMode
import java.nio.file.Path
import kotlin.time.Duration.Companion.milliseconds

/** Driver-level requests. */
object DriverHandlers {
    fun newDriver(b: Backend, d: JsonObject) {
        val uri = d.str("uri")
        val clientCertificateProvider = ClientCertificates.ofNewDriver(b, d)
        val managerId = d["authTokenManagerId"]?.takeUnless { d.isNull("authTokenManagerId") }?.let { d.id("authTokenManagerId") }
        val manager = if (managerId != null) {
            b.authManagers[managerId] ?: throw BadRequestException("no auth token manager $managerId")
        } else {
            AuthTokenManagers.static(d.objOrNull("authorizationToken")?.let(Auth::toToken) ?: org.boltkt.client.auth.AuthTokens.none())
        }
        val resolverRegistered = d.boolOrNull("resolverRegistered") == true
        val domainNameResolverRegistered = d.boolOrNull("domainNameResolverRegistered") == true
        val encryptedFlag = d.boolOrNull("encrypted")
        val trusted = d["trustedCertificates"]
        val scheme = uri.substringBefore("://").lowercase()
        val driver = BoltDriver(uri, manager) {
            d.strOrNull("userAgent")?.let { userAgent = it }
            d.longOrNull("connectionTimeoutMs")?.let { connectionTimeout = it.milliseconds }
            d.longOrNull("fetchSize")?.let { fetchSize = it }
            // Testkit's scripts expect every PULL to ask for the fetch size, as the official drivers do.
            fetchSizeGrowth = 1
            d.longOrNull("maxTxRetryTimeMs")?.let { maxTransactionRetryTime = it.milliseconds }
            d.longOrNull("livenessCheckTimeoutMs")?.let { connectionLivenessCheckTimeout = it.milliseconds }
            d.longOrNull("maxConnectionPoolSize")?.let { maxConnectionPoolSize = it.toInt() }
            d.longOrNull("connectionAcquisitionTimeoutMs")?.let { connectionAcquisitionTimeout = it.milliseconds }
            notificationFilter(d)?.let { notificationFilter = it }
            d.boolOrNull("telemetryDisabled")?.let { telemetryDisabled = it }
            handshake = TestFolders.handshakeFor(b.testName)
            ticker = b.fakeTime // real time unless a test installs testkit's fake time
            // The driver refuses explicit TLS settings with a +s/+ssc scheme; pass them on so it can.
            if (encryptedFlag != null) encrypted = encryptedFlag
            if (encryptedFlag == true || ('+' in scheme && trusted != null && !d.isNull("trustedCertificates"))) {
                trustStrategy = when {
                    trusted == null || d.isNull("trustedCertificates") -> TrustStrategy.SystemCertificates
                    trusted is JsonArray && trusted.isEmpty() -> TrustStrategy.TrustAllCertificatesInsecure
                    else -> TrustStrategy.CustomCertificates(d.strings("trustedCertificates").orEmpty().map(TestCertificates::customCa))
                }
            }
            clientCertificateProvider?.let { clientCertificate = it }
            if (resolverRegistered) resolver = ResolverCallbacks.addressResolver(b)
            if (domainNameResolverRegistered) {
                domainNameResolver = ResolverCallbacks.domainNameResolver(b)
            } else {
                TestHosts.fromEnvironment()?.let { hosts -> domainNameResolver = hosts::resolve }
            }
        }
        val id = b.newId()
        b.drivers[id] = DriverEntry(driver, encrypted = '+' in scheme || encryptedFlag == true)
        b.send("Driver", obj("id" to id))
    }

    fun notificationFilter(d: JsonObject): NotificationFilterConfig? {
        val severity = d.strOrNull("notificationsMinSeverity")
        val disabled = d.strings("notificationsDisabledCategories")
        if (severity == null && disabled == null) return null
        return NotificationFilterConfig(
            severity?.let { s -> NotificationMinimumSeverity.entries.firstOrNull { it.name == s } ?: throw BadRequestException("unknown notification severity '$s'") },
            disabled?.mapTo(LinkedHashSet()) { c ->
                NotificationDisabledClassification.entries.firstOrNull { it.name == c } ?: throw BadRequestException("unknown notification classification '$c'")
            },
        )
    }

    internal fun driver(b: Backend, d: JsonObject): DriverEntry {
        val id = d.id("driverId")
        return b.drivers[id] ?: throw BadRequestException("no driver $id")
    }

    suspend fun verifyConnectivity(b: Backend, d: JsonObject) {
        driver(b, d).driver.verifyConnectivity()
        b.send("Driver", obj("id" to d.id("driverId")))
    }

    suspend fun serverInfo(b: Backend, d: JsonObject) {
        b.send("ServerInfo", SummaryJson.serverInfo(driver(b, d).driver.serverInfo()))
    }

    suspend fun multiDb(b: Backend, d: JsonObject) {
        val available = driver(b, d).driver.supportsMultiDb()
        b.send("MultiDBSupport", obj("id" to d.id("driverId"), "available" to available))
    }

    suspend fun sessionAuth(b: Backend, d: JsonObject) {
        val available = driver(b, d).driver.supportsSessionAuth()
        b.send("SessionAuthSupport", obj("id" to d.id("driverId"), "available" to available))
    }

    suspend fun verifyAuthentication(b: Backend, d: JsonObject) {
        val token = d.objOrNull("authorizationToken")?.let(Auth::toToken)
        val ok = driver(b, d).driver.verifyAuthentication(token)
        b.send("DriverIsAuthenticated", obj("id" to d.id("driverId"), "authenticated" to ok))
    }

    fun isEncrypted(b: Backend, d: JsonObject) {
        b.send("DriverIsEncrypted", obj("encrypted" to driver(b, d).encrypted))
    }

    suspend fun executeQuery(b: Backend, d: JsonObject) {
        val driver = driver(b, d).driver
        val c = d.objOrNull("config") ?: JsonObject(emptyMap())
        val managerId = c["bookmarkManagerId"]?.takeUnless { c.isNull("bookmarkManagerId") }?.let { c.id("bookmarkManagerId") }
        val config = QueryConfig(
            database = c.strOrNull("database"),
            routing = if (c.strOrNull("routing") == "r") AccessMode.READ else AccessMode.WRITE,
            impersonatedUser = c.strOrNull("impersonatedUser"),
            bookmarkManager = when (managerId) {
                null -> QueryConfig.UseDriverDefault
                "-1" -> null
                else -> b.bookmarkManagers[managerId] ?: throw BadRequestException("no bookmark manager $managerId")
            },
            auth = c.objOrNull("authorizationToken")?.let(Auth::toToken),
            transactionConfig = SessionHandlers.txConfig(c),
        )
        val eager = driver.executeQuery(d.str("cypher"), SessionHandlers.params(d, "params"), config)
        b.send(
            "EagerResult",
            obj(
                "keys" to eager.keys,
                "records" to eager.records.map { ResultHandlers.recordData(it) },
                "summary" to SummaryJson.summary(eager.summary),
            ),
        )
    }

    fun poolMetrics(b: Backend, d: JsonObject) {
        val address = d.str("address")
        val m = driver(b, d).driver.metrics().firstOrNull { it.address == address }
        b.send("ConnectionPoolMetrics", obj("inUse" to (m?.inUse ?: 0), "idle" to (m?.idle ?: 0)))
    }

    suspend fun close(b: Backend, d: JsonObject) {
        val id = d.id("driverId")
        b.drivers.remove(id)?.driver?.close()
        b.send("Driver", obj("id" to id))
    }
}
