package org.boltkt.client.admin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.Driver
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.DatabaseNotOnlineException
import org.boltkt.client.error.ForbiddenException
import org.boltkt.client.error.UnsupportedFeatureException
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * Neo4j answers the real Community servers here cannot give: an Enterprise edition (database commands, a clustered
 * `SHOW DATABASES`), an edition the user may not read, an older server, an unknown one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Neo4jEnterpriseAdminTest {
    private fun withNeo4j(agent: String, edition: String?, script: AdminScriptedServer.() -> Unit, block: suspend (Driver, AdminScriptedServer) -> Unit) {
        val answers = AdminScriptedServer(agent).apply {
            if (edition != null) on(COMPONENTS, listOf("name", "edition"), listOf("Neo4j Kernel", edition))
            else onFailure(COMPONENTS, "Neo.ClientError.Security.Forbidden", "Executing procedure is not allowed for user")
            script()
        }
        withAdminServer(answers, block)
    }

    private fun copy(name: String, address: String, role: String, status: String, message: String = "") = listOf(
        name, "standard", address, role, "online", status, message, false, false, "read-write", emptyList<String>(),
    )

    @Test
    fun `Enterprise database commands are sent to system, and waitUntilOnline polls until every copy is online`() {
        val polls = AtomicInteger()
        withNeo4j("Neo4j/5.26.0", "enterprise", {
            on("CREATE DATABASE `sales-2026`", emptyList())
            on("DROP DATABASE `sales-2026`", emptyList())
            on("START DATABASE `sales-2026`", emptyList())
            on("STOP DATABASE `sales-2026`", emptyList())
            onEach("SHOW DATABASES YIELD *", DATABASE_FIELDS) {
                val starting = polls.incrementAndGet() < 3
                listOf(
                    copy("sales-2026", "core1:7687", "primary", "online"),
                    copy("sales-2026", "core2:7687", "secondary", if (starting) "starting" else "online"),
                    copy("system", "core1:7687", "primary", "online"),
                )
            }
        }) { driver, server ->
            driver.admin.server().edition shouldBe "enterprise"
            driver.admin.createDatabase("sales-2026")
            driver.admin.waitUntilOnline("sales-2026", 10.seconds)
            polls.get() shouldBeGreaterThanOrEqual 3
            val copies = driver.admin.databases().filter { it.name == "sales-2026" }
            copies.map { it.address to it.role } shouldBe listOf("core1:7687" to "primary", "core2:7687" to "secondary")
            driver.admin.stopDatabase("sales-2026")
            driver.admin.startDatabase("sales-2026")
            driver.admin.dropDatabase("sales-2026")
            server.queries.filter { it.endsWith("`sales-2026`") } shouldBe listOf(
                "CREATE DATABASE `sales-2026`", "STOP DATABASE `sales-2026`", "START DATABASE `sales-2026`", "DROP DATABASE `sales-2026`",
            )
        }
    }

    @Test
    fun `waitUntilOnline gives up at its bound with the last status and the server's message`() = withNeo4j("Neo4j/5.26.0", "enterprise", {
        on("SHOW DATABASES YIELD *", DATABASE_FIELDS, copy("stuck", "core1:7687", "primary", "starting", "store recovery in progress"))
    }) { driver, _ ->
        val started = System.nanoTime()
        val e = shouldThrow<DatabaseNotOnlineException> { driver.admin.waitUntilOnline("stuck", 700.milliseconds) }
        (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 5_000
        e.database shouldBe "stuck"
        e.lastStatus shouldBe "starting"
        e.message.shouldNotBeNull() shouldContain "store recovery in progress"
    }

    @Test
    fun `the server's refusal of an Enterprise command reaches the caller as its own error`() = withNeo4j("Neo4j/5.26.0", "enterprise", {
        onFailure("CREATE DATABASE `hr`", "Neo.ClientError.Security.Forbidden", "Permission denied for CREATE DATABASE")
    }) { driver, _ ->
        shouldThrow<ForbiddenException> { driver.admin.createDatabase("hr") }.code shouldBe "Neo.ClientError.Security.Forbidden"
    }

    @Test
    fun `on Community the Enterprise commands are refused before sending`() = withNeo4j("Neo4j/5.26.0", "community", {}) { driver, server ->
        val e = shouldThrow<UnsupportedFeatureException> { driver.admin.createDatabase("hr") }
        e.message shouldBe "createDatabase is not supported by Neo4j 5.26.0 (community): it is a Neo4j Enterprise Edition feature"
        server.queries shouldNotContain "CREATE DATABASE `hr`"
    }

    @Test
    fun `an edition the user may not read leaves the decision to the server`() = withNeo4j("Neo4j/5.26.0", null, {
        onFailure("CREATE DATABASE `hr`", "Neo.ClientError.Statement.UnsupportedAdministrationCommand", "Unsupported administration command: CREATE DATABASE hr")
    }) { driver, server ->
        driver.admin.server().edition.shouldBeNull()
        shouldThrow<ClientException> { driver.admin.createDatabase("hr") }.code shouldBe "Neo.ClientError.Statement.UnsupportedAdministrationCommand"
        server.queries shouldContain "CREATE DATABASE `hr`"
    }

    @Test
    fun `Neo4j before 4_4 has no SHOW TRANSACTIONS and before 5_0 reads settings with dbms_listConfig`() = withNeo4j("Neo4j/4.3.2", "enterprise", {
        on("CALL dbms.listConfig()", listOf("name", "description", "value", "dynamic"), listOf("dbms.transaction.timeout", "Timeout.", "0s", true))
    }) { driver, server ->
        shouldThrow<UnsupportedFeatureException> { driver.admin.transactions() }.message.shouldNotBeNull() shouldContain "4.4"
        val timeout = driver.admin.setting("dbms.transaction.timeout").shouldNotBeNull()
        timeout.value shouldBe "0s"
        timeout.isDynamic shouldBe true
        server.queries.none { it.startsWith("SHOW TRANSACTIONS") } shouldBe true
    }

    @Test
    fun `an unknown server family is refused for every operation`() = withNeo4j("Graphy/1.0", "enterprise", {}) { driver, server ->
        driver.admin.server().family shouldBe ServerFamily.UNKNOWN
        shouldThrow<UnsupportedFeatureException> { driver.admin.transactions() }.operation shouldBe "transactions"
        shouldThrow<UnsupportedFeatureException> { driver.admin.databases() }.operation shouldBe "databases"
        server.queries.shouldBeEmpty()
    }

    private companion object {
        const val COMPONENTS = "CALL dbms.components() YIELD name, edition RETURN name, edition"
        val DATABASE_FIELDS = listOf(
            "name", "type", "address", "role", "requestedStatus", "currentStatus", "statusMessage", "default", "home", "access", "aliases",
        )
    }
}
