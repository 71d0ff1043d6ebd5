package org.boltkt.testsupport.api

import org.boltkt.testsupport.api.fixture.Point
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path
import kotlin.io.path.readText
import kotlin.io.path.writeText

/** The dump of the fixture classes in `fixture/`, and the check's verdicts on a matching, stale and missing dump. */
class ApiDumpTest {
    private val classes: Path = Path.of(Point::class.java.protectionDomain.codeSource.location.toURI())
    private val dump = ApiDump.dump(classes, listOf("org.boltkt.testsupport.api.fixture."))

    @Test
    fun `lists public JVM signatures and Kotlin facts, nothing internal or private`() {
        assertEquals(EXPECTED, dump)
    }

    @Test
    fun `is deterministic`() {
        assertEquals(dump, ApiDump.dump(classes, listOf("org.boltkt.testsupport.api.fixture.")))
    }

    @Test
    fun `a changed API fails with the difference and the regeneration command, and update rewrites the dump`(@TempDir dir: Path) {
        val file = dir.resolve("fixture.api")
        val stale = EXPECTED.replace("  jvm: public final int component1()\n", "  jvm: public final int component1()\n  jvm: public final void removed()\n")
            .replace("  jvm: public final Integer getY()\n", "")
        file.writeText(stale)
        val check = { update: Boolean ->
            ApiDumpCheck.run("fixture", classes, file, update, listOf("org.boltkt.testsupport.api.fixture."))
        }
        val error = assertThrows(AssertionError::class.java) { check(false) }
        val message = error.message!!
        assertTrue(
            message.contains(
                "  public final class org.boltkt.testsupport.api.fixture.Point  [kotlin: data class]\n" +
                    "-   jvm: public final void removed()\n" +
                    "+   jvm: public final Integer getY()\n",
            ),
            message,
        )
        assertTrue(message.contains(ApiDumpCheck.REGENERATE), message)
        assertEquals(stale, file.readText(), "a check must not write")

        assertTrue(check(true).startsWith("API dump of fixture written"))
        assertTrue(check(false).startsWith("API of fixture matches"))
    }

    private companion object {
        val EXPECTED = """
            public final enum org.boltkt.testsupport.api.fixture.Color  [kotlin: enum class] {
              jvm: public static final org.boltkt.testsupport.api.fixture.Color GREEN
              jvm: public static final org.boltkt.testsupport.api.fixture.Color RED
              jvm: public static kotlin.enums.EnumEntries getEntries()
              jvm: public static org.boltkt.testsupport.api.fixture.Color valueOf(String)
              jvm: public static org.boltkt.testsupport.api.fixture.Color[] values()
              kotlin: enum entry GREEN
              kotlin: enum entry RED
            }

            public final class org.boltkt.testsupport.api.fixture.FixtureKt  [kotlin: top-level declarations] {
              jvm: public static final Object getAnonymousHolder()
              jvm: public static final varargs java.util.List topLevel(Object, Object[])
              kotlin: fun <T> T.topLevel(vararg items: T): List<T>
              kotlin: val anonymousHolder: Any
            }

            public final class org.boltkt.testsupport.api.fixture.Point  [kotlin: data class] {
              jvm: public <init>(int, Integer)
              jvm: public String toString()
              jvm: public boolean equals(Object)
              jvm: public final Integer component2()
              jvm: public final Integer getY()
              jvm: public final int component1()
              jvm: public final int getX()
              jvm: public final org.boltkt.testsupport.api.fixture.Point copy(int, Integer)
              jvm: public int hashCode()
              kotlin: constructor(x: Int, y: Int? = …)
              kotlin: fun component1(): Int
              kotlin: fun component2(): Int?
              kotlin: fun copy(x: Int = …, y: Int? = …): org.boltkt.testsupport.api.fixture.Point
              kotlin: open fun equals(other: Any?): Boolean
              kotlin: open fun hashCode(): Int
              kotlin: open fun toString(): String
              kotlin: val x: Int
              kotlin: val y: Int?
            }

            public final class org.boltkt.testsupport.api.fixture.Service  [kotlin: class] {
              jvm: public final Object fetch(String, int, kotlin.coroutines.Continuation)
              jvm: public final int getSize()
              jvm: public static final org.boltkt.testsupport.api.fixture.Service create()
              jvm: public static final org.boltkt.testsupport.api.fixture.Service.Companion Companion
              kotlin: suspend fun fetch(query: String, limit: Int = …): List<String?>
              kotlin: var size: Int (private set)
            }

            public static final class org.boltkt.testsupport.api.fixture.Service.Companion  [kotlin: companion object] {
              jvm: public final org.boltkt.testsupport.api.fixture.Service create()
              kotlin: fun create(): org.boltkt.testsupport.api.fixture.Service
            }

            public static final class org.boltkt.testsupport.api.fixture.Service.Nested  [kotlin: class] {
              jvm: public <init>()
              kotlin: constructor()
            }

            public interface org.boltkt.testsupport.api.fixture.Shape  [kotlin: sealed interface] {
              kotlin: sealed subclass org.boltkt.testsupport.api.fixture.Shape.Circle
            }

            public static final class org.boltkt.testsupport.api.fixture.Shape.Circle  [kotlin: object] {
              jvm: public static final org.boltkt.testsupport.api.fixture.Shape.Circle INSTANCE
              supertypes: org.boltkt.testsupport.api.fixture.Shape
            }
        """.trimIndent() + "\n"
    }
}
