package org.boltkt.client.connection

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeBlank
import org.boltkt.client.DriverConfig

/** The version the driver announces comes from the POM (resource filtering), not from a copy in the code. */
class DriverVersionSpec : FunSpec({
    val pomVersion = System.getProperty("boltkt.projectVersion")

    test("the version is the POM's") {
        pomVersion.shouldNotBeBlank()
        DriverVersion.VERSION shouldBe pomVersion
    }

    test("the default user agent and bolt_agent product carry it") {
        DriverConfig.DEFAULT.userAgent shouldBe "boltkt/$pomVersion"
        ConnectionSettings().userAgent shouldBe "boltkt/$pomVersion"
        ConnectionSettings.defaultBoltAgent().product shouldBe "boltkt/$pomVersion"
    }
})
