package org.boltkt.client.mapping

import org.boltkt.client.error.ResultMappingException

/**
 * A value that does not fit, on its way up from where it was found: each enclosing property, list index or map key
 * adds its segment ([segments] innermost first), the row adds the column, then [toException] builds the public
 * error. No stack trace: it is control flow until it becomes the public exception.
 */
internal class MappingProblem(
    val received: String,
    val fix: String,
    var declared: String? = null,
    val detail: String? = null,
    cause: Throwable? = null,
) : RuntimeException(detail, cause, false, false) {
    val segments = ArrayList<String>(4)
    var column: String? = null

    fun at(segment: String, declaredType: String): MappingProblem {
        if (declared == null) declared = declaredType
        segments += segment
        return this
    }

    fun property(): String = buildString {
        for (i in segments.indices.reversed()) {
            val s = segments[i]
            if (isNotEmpty() && !s.startsWith("[")) append('.')
            append(s)
        }
    }

    fun toException(): ResultMappingException =
        ResultMappingException(column, received, property(), declared ?: "?", fix, detail, cause)

    companion object {
        fun typeMismatch(received: String, declared: String?, detail: String? = null): MappingProblem =
            MappingProblem(
                received,
                "declare the property with a type that holds a $received (see README \"Typed results\" for the mapping table), or convert the value in Cypher",
                declared,
                detail,
            )

        fun nullIntoNonNull(declared: String?): MappingProblem =
            MappingProblem("NULL", "make the property nullable or give it a default value, or return a non-null value (e.g. coalesce(x, default))", declared)
    }
}
