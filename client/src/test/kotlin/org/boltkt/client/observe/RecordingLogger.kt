package org.boltkt.client.observe

import org.slf4j.Marker
import org.slf4j.event.Level
import org.slf4j.helpers.AbstractLogger
import org.slf4j.helpers.MessageFormatter
import java.util.concurrent.CopyOnWriteArrayList

/** An SLF4J logger at TRACE that keeps each formatted line with its level and throwable, for log assertions. */
class RecordingLogger(private val traceEnabled: Boolean = true) : AbstractLogger() {
    data class Line(val level: Level, val message: String, val throwable: Throwable?)

    val lines: MutableList<Line> = CopyOnWriteArrayList()

    init {
        name = "recording"
    }

    fun at(level: Level): List<Line> = lines.filter { it.level == level }

    /** Each line as `LEVEL message`. */
    fun formatted(): List<String> = lines.map { "${it.level} ${it.message}" }

    override fun getFullyQualifiedCallerName(): String? = null

    override fun handleNormalizedLoggingCall(level: Level, marker: Marker?, pattern: String?, arguments: Array<out Any?>?, throwable: Throwable?) {
        val formatted = MessageFormatter.basicArrayFormat(pattern, arguments)
        // slf4j moves a trailing throwable argument into `throwable` only in some paths: accept both.
        val thrown = throwable ?: arguments?.lastOrNull() as? Throwable
        lines += Line(level, formatted, thrown)
    }

    override fun isTraceEnabled(): Boolean = traceEnabled
    override fun isTraceEnabled(marker: Marker?): Boolean = traceEnabled
    override fun isDebugEnabled(): Boolean = true
    override fun isDebugEnabled(marker: Marker?): Boolean = true
    override fun isInfoEnabled(): Boolean = true
    override fun isInfoEnabled(marker: Marker?): Boolean = true
    override fun isWarnEnabled(): Boolean = true
    override fun isWarnEnabled(marker: Marker?): Boolean = true
    override fun isErrorEnabled(): Boolean = true
    override fun isErrorEnabled(marker: Marker?): Boolean = true
}
