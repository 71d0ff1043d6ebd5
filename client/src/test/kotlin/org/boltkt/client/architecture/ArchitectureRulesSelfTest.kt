package org.boltkt.client.architecture

import com.tngtech.archunit.core.importer.ClassFileImporter
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.architecture.fixture.io.UsesSocket
import org.boltkt.client.architecture.fixture.lower.Lower
import org.boltkt.client.architecture.fixture.lower.ReachesUp
import org.boltkt.client.architecture.fixture.upper.Upper
import org.junit.jupiter.api.Test

/**
 * The rules of [ArchitectureTest] catch what they are meant to: the same rule builders, evaluated on a small fixture
 * of test classes, report a deliberately upward import, the cycle it closes and a socket in a pure package, and
 * report nothing for the same fixture without the offending class.
 */
class ArchitectureRulesSelfTest {
    private val layers = listOf(
        Layer.packageTree("upper", "org.boltkt.client.architecture.fixture.upper"),
        Layer.packageTree("lower", "org.boltkt.client.architecture.fixture.lower"),
    )
    private val clean = ClassFileImporter().importClasses(Upper::class.java, Lower::class.java)
    private val withUpwardImport = ClassFileImporter().importClasses(Upper::class.java, Lower::class.java, ReachesUp::class.java)

    @Test
    fun `a downward dependency passes both rules`() {
        LayerRules.noUpwardDependencies(layers).evaluate(clean).hasViolation() shouldBe false
        LayerRules.noCycles(layers).evaluate(clean).hasViolation() shouldBe false
    }

    @Test
    fun `an upward import is reported, naming the offending class, and so is the cycle it closes`() {
        val upward = LayerRules.noUpwardDependencies(layers).evaluate(withUpwardImport)
        upward.hasViolation() shouldBe true
        upward.failureReport.details.joinToString("\n") shouldContain "ReachesUp"
        LayerRules.noCycles(layers).evaluate(withUpwardImport).hasViolation() shouldBe true
    }

    @Test
    fun `a socket in a pure package is reported, and a pure package passes`() {
        val classes = ClassFileImporter().importClasses(UsesSocket::class.java, Lower::class.java)
        LayerRules.noIo("org.boltkt.client.architecture.fixture.io").evaluate(classes).hasViolation() shouldBe true
        LayerRules.noIo("org.boltkt.client.architecture.fixture.lower").evaluate(classes).hasViolation() shouldBe false
    }
}
