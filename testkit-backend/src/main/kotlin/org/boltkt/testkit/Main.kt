package org.boltkt.testkit

import org.slf4j.LoggerFactory
import java.io.BufferedReader
import java.io.InputStreamReader
import java.io.OutputStreamWriter
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import kotlin.concurrent.thread

private val log = LoggerFactory.getLogger("org.boltkt.testkit")

/**
 * Starts the backend: `java -cp … org.boltkt.testkit.MainKt [port] [host]`. Defaults: port 9876 (or
 * `TESTKIT_BACKEND_PORT`), host 127.0.0.1 (or `TESTKIT_BACKEND_HOST`). Testkit opens one connection per test;
 * each gets its own [Backend] and its own objects.
 */
fun main(args: Array<String>) {
    val port = args.getOrNull(0)?.toInt() ?: System.getenv("TESTKIT_BACKEND_PORT")?.toInt() ?: 9876
    val host = args.getOrNull(1) ?: System.getenv("TESTKIT_BACKEND_HOST") ?: "127.0.0.1"
    ServerSocket().use { server ->
        server.reuseAddress = true
        server.bind(InetSocketAddress(InetAddress.getByName(host), port))
        println("boltkt testkit backend listening on $host:$port")
        while (true) {
            val socket = server.accept()
            thread(name = "testkit-connection-${socket.port}", isDaemon = true) { serve(socket) }
        }
    }
}

/** Serves one testkit connection until it closes, then closes every driver it created. */
fun serve(socket: Socket) {
    socket.use {
        val reader = RequestReader(BufferedReader(InputStreamReader(socket.getInputStream(), Charsets.UTF_8)))
        val backend = Backend(ResponseWriter(OutputStreamWriter(socket.getOutputStream(), Charsets.UTF_8)))
        try {
            while (true) {
                val request = try {
                    reader.next() ?: break
                } catch (e: FramingException) {
                    backend.send("BackendError", obj("msg" to (e.message ?: "bad frame")))
                    continue
                }
                backend.dispatch(request)
            }
        } catch (e: java.io.IOException) {
            log.debug("testkit connection ended", e)
        } finally {
            backend.close()
        }
    }
}
