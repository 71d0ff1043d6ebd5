package org.boltkt.protocol

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThan
import java.io.File

/** bolt-protocol stays pure: no sockets, channels, Ktor, threads or coroutines in its main sources. */
class NoIoInProtocolSpec : FunSpec({
    val forbidden = listOf(
        "java.net.", "java.nio.channels.", "io.ktor.", "java.lang.Thread", "java.util.concurrent.",
        "kotlin.concurrent.", "kotlinx.coroutines.",
    )
    val sources = File("src/main/kotlin").walkTopDown().filter { it.isFile && it.extension == "kt" }.toList()

    test("the main sources are where the test looks") {
        sources.size shouldBeGreaterThan 20
    }

    test("no main source imports or names an I/O or threading package") {
        val offences = sources.flatMap { file ->
            file.readLines().withIndex()
                .filter { (_, line) -> forbidden.any { line.contains(it) } || Regex("""\bThread\b""").containsMatchIn(line) }
                .map { (i, line) -> "${file.path}:${i + 1}: ${line.trim()}" }
        }
        offences.shouldBeEmpty()
    }
})
