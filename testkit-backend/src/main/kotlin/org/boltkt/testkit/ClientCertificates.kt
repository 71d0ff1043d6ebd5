package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import org.boltkt.client.transport.ClientCertificate
import org.boltkt.client.transport.ClientCertificateProvider
import java.nio.file.Path

/** testkit's client certificates (`ClientCertificate` objects) and client certificate providers (callbacks). */
object ClientCertificates {
    /** `{"name": "ClientCertificate", "data": {"certfile", "keyfile", "password"}}` as the driver's certificate. */
    fun toCertificate(element: JsonObject): ClientCertificate {
        val data = element.objOrNull("data") ?: element
        val password = data.strOrNull("password")
        val key = LegacyPemKeys.pkcs8File(Path.of(data.str("keyfile")), password)
        // A converted key is written decrypted; a PKCS#8 file keeps its own encryption.
        val keyPassword = if (key == Path.of(data.str("keyfile"))) password?.toCharArray() else null
        return ClientCertificate.fromPem(Path.of(data.str("certfile")), key, keyPassword)
    }

    fun newProvider(b: Backend) {
        val id = b.newId()
        b.certificateProviders[id] = object : ClientCertificateProvider {
            @Volatile private var current: ClientCertificate? = null

            // The client asks on every new connection; testkit answers whether the certificate changed.
            override fun currentCertificate(): ClientCertificate {
                val answer = b.blockingCallback { rid -> "ClientCertificateProviderRequest" to obj("id" to rid, "clientCertificateProviderId" to id) }
                val cached = current
                if (cached != null && answer.boolOrNull("hasUpdate") == false) return cached
                val certificate = toCertificate(answer.objOrNull("clientCertificate") ?: throw BadRequestException("callback answer without 'clientCertificate'"))
                current = certificate
                return certificate
            }
        }
        b.send("ClientCertificateProvider", obj("id" to id))
    }

    fun closeProvider(b: Backend, d: JsonObject) {
        val id = d.id("id")
        b.certificateProviders.remove(id)
        b.send("ClientCertificateProvider", obj("id" to id))
    }

    /** The `clientCertificate` or `clientCertificateProviderId` of NewDriver, or null when it has neither. */
    fun ofNewDriver(b: Backend, d: JsonObject): ClientCertificateProvider? {
        d.objOrNull("clientCertificate")?.let { return toCertificate(it) }
        if (d.isNull("clientCertificateProviderId")) return null
        val id = d.id("clientCertificateProviderId")
        return b.certificateProviders[id] ?: throw BadRequestException("no client certificate provider $id")
    }
}
