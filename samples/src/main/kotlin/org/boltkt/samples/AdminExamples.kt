package org.boltkt.samples

import org.boltkt.client.Driver
import org.boltkt.client.admin.Member
import java.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * The operations helpers (quoted in the README's "Operations helpers" section). Compiled so the README's code
 * stays valid; the real-server tests in `client` and `java-interop` exercise the same calls.
 */
@Suppress("unused")
suspend fun adminExamples(driver: Driver) {
    // tag::admin[]
    // Transactions running for over a minute, terminated: their sessions fail with TransactionTerminatedException.
    val slow = driver.admin.transactions().filter { (it.elapsed ?: Duration.ZERO) > Duration.ofMinutes(1) }
    for (tx in slow) {
        println("terminating ${tx.id} of ${tx.user}: ${tx.currentQuery}")
        driver.admin.terminateTransaction(tx.id, Member.at(tx.member))
    }
    println(driver.admin.setting("db.transaction.timeout")?.value)
    driver.admin.databases().forEach { println("${it.name} ${it.currentStatus} default=${it.isDefault}") }
    driver.admin.waitUntilOnline("neo4j", timeout = 30.seconds)
    // end::admin[]
}
