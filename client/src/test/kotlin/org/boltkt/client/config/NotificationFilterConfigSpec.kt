package org.boltkt.client.config

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.client.NotificationDisabledClassification
import org.boltkt.client.NotificationFilterConfig
import org.boltkt.client.NotificationMinimumSeverity
import org.boltkt.protocol.message.NotificationFilter

/** The typed filter turns into exactly the strings Bolt defines, and only those it names. */
class NotificationFilterConfigSpec : FunSpec({
    test("severities and classifications go out under the names the servers know") {
        NotificationMinimumSeverity.entries.map { it.wire } shouldBe listOf("INFORMATION", "WARNING", "OFF")
        NotificationDisabledClassification.entries.map { it.wire } shouldBe listOf(
            "HINT", "UNRECOGNIZED", "UNSUPPORTED", "PERFORMANCE", "DEPRECATION", "SECURITY", "TOPOLOGY", "SCHEMA", "GENERIC",
        )
    }

    test("to the protocol form: absent fields stay absent, an empty set stays empty") {
        NotificationFilterConfig(
            NotificationMinimumSeverity.WARNING,
            linkedSetOf(NotificationDisabledClassification.SCHEMA, NotificationDisabledClassification.HINT),
        ).toProtocol() shouldBe NotificationFilter("WARNING", setOf("SCHEMA", "HINT"))
        NotificationFilterConfig().toProtocol() shouldBe NotificationFilter(null, null)
        NotificationFilterConfig(disabledClassifications = emptySet()).toProtocol() shouldBe NotificationFilter(null, emptySet())
        NotificationFilterConfig.DISABLE_ALL.toProtocol() shouldBe NotificationFilter("OFF", null)
        NotificationFilterConfig.disabling(NotificationDisabledClassification.DEPRECATION).toProtocol() shouldBe
            NotificationFilter(null, setOf("DEPRECATION"))
    }
})
