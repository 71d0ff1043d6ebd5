package org.boltkt.client.error

/**
 * A value of a result did not fit the Kotlin (or Java) class it was mapped into (typed results:
 * `result.records<T>()`, `record.decode<T>()`, …): a value of another type, a NULL for a non-null property without
 * a default, a column the class needs but the result lacks, or (in strict mode) a column the class does not know.
 *
 * Thrown by the read that met the row; only that row is lost: the connection, the session and the rest of the
 * result stay usable (a `Flow` collection ends with the exception, which discards the rest of the result like any
 * early stop). Never retryable: the same query returns the same shape again; change the class or the query.
 *
 * Immutable and thread-safe.
 *
 * @property column the result column the value came from (null when a whole row was mapped, e.g. a missing column
 *   list for a class).
 * @property receivedType the Cypher type received (`INTEGER`, `STRING`, `NULL`, `NODE`, …), or `MISSING` when the
 *   column or map key was absent.
 * @property property where in the class the value was going: the property path from the mapped class, e.g.
 *   `released` or `actors[2].name`; empty when the mapped type itself did not fit.
 * @property declaredType the declared type of that property as its serializer names it (e.g. `kotlin.Long`,
 *   `kotlin.String?`, `com.example.Movie`).
 * @property fix what to change to make the mapping work.
 */
public class ResultMappingException(
    public val column: String?,
    public val receivedType: String,
    public val property: String,
    public val declaredType: String,
    public val fix: String,
    detail: String? = null,
    cause: Throwable? = null,
) : ClientException(message(column, receivedType, property, declaredType, fix, detail), cause = cause) {
    /** Never retryable: the same query gives the same shape. */
    override val isRetryable: Boolean get() = false

    private companion object {
        fun message(column: String?, received: String, property: String, declared: String, fix: String, detail: String?): String =
            buildString {
                append("cannot map ")
                append(if (received == "MISSING") "a missing value" else received)
                if (column != null) append(" of column '").append(column).append('\'')
                append(" into ")
                if (property.isNotEmpty()) append("property '").append(property).append("' of type ") else append("type ")
                append(declared)
                if (detail != null) append(" (").append(detail).append(')')
                append(": ").append(fix)
            }
    }
}
