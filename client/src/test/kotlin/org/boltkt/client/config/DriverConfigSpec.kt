package org.boltkt.client.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.boltkt.client.DriverConfig
import org.boltkt.client.QueryConfig
import org.boltkt.client.error.ConfigurationException
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

class DriverConfigSpec : FunSpec({
    test("the DSL sets values and keeps defaults") {
        val config = DriverConfig.build { maxConnectionPoolSize = 7; fetchSize = -1 }
        config.maxConnectionPoolSize shouldBe 7
        config.fetchSize shouldBe -1
        config.connectionAcquisitionTimeout shouldBe 60.seconds
        config.connectionLivenessCheckTimeout shouldBe Duration.INFINITE
        config.connectionReadTimeout shouldBe 15.minutes
        config.connectionWriteTimeout shouldBe 2.minutes
    }

    test("invalid settings are configuration errors naming the setting") {
        val cases: Map<String, org.boltkt.client.DriverConfigBuilder.() -> Unit> = mapOf(
            "maxConnectionPoolSize" to { maxConnectionPoolSize = 0 },
            "connectionAcquisitionTimeout" to { connectionAcquisitionTimeout = Duration.ZERO },
            "connectionTimeout" to { connectionTimeout = (-1).seconds },
            "connectionReadTimeout" to { connectionReadTimeout = Duration.ZERO },
            "connectionWriteTimeout" to { connectionWriteTimeout = (-1).seconds },
            "fetchSize" to { fetchSize = 0 },
            "fetchSizeGrowth" to { fetchSizeGrowth = 0 },
            "userAgent" to { userAgent = " " },
            "maxTransactionRetryTime" to { maxTransactionRetryTime = (-1).seconds },
        )
        for ((setting, block) in cases) {
            shouldThrow<ConfigurationException> { DriverConfig.build(block) }.message shouldContain setting
        }
    }

    test("executeQuery's default config uses the driver's bookmark manager (regression: init order left it null)") {
        QueryConfig.DEFAULT.bookmarkManager shouldBeSameInstanceAs QueryConfig.UseDriverDefault
    }
})
