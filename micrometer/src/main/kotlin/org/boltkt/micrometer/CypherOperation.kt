package org.boltkt.micrometer

/**
 * The operation name of a Cypher query for `db.operation.name`: its first clause, a low-cardinality value taken
 * from a fixed list, or null when the query starts otherwise (OpenTelemetry: set it only when it can be determined
 * cheaply and reliably).
 */
internal object CypherOperation {
    private val CLAUSES = setOf(
        "MATCH", "OPTIONAL MATCH", "CREATE", "MERGE", "UNWIND", "CALL", "RETURN", "WITH", "DELETE", "DETACH DELETE",
        "SET", "REMOVE", "FOREACH", "LOAD CSV", "SHOW", "TERMINATE", "DROP", "ALTER", "GRANT", "DENY", "REVOKE",
        "START", "STOP", "FINISH", "INSERT", "FILTER", "LET", "ORDER BY", "LIMIT",
    )
    private val PREFIXES = setOf("EXPLAIN", "PROFILE")
    private val WORD = Regex("[A-Za-z]+|[^\\sA-Za-z]")

    fun of(query: String): String? {
        val words = WORD.findAll(stripComments(query).take(256)).map { it.value.uppercase() }.toMutableList()
        var i = 0
        while (i < words.size) {
            when {
                words[i] in PREFIXES -> i++
                words[i] == "CYPHER" -> { i++; while (i < words.size && (words[i] == "=" || words.getOrNull(i + 1) == "=" || words.getOrNull(i - 1) == "=" || words[i].all { it.isDigit() || it == '.' })) i++ }
                words[i] == "USE" -> i = skipUse(words, i + 1)
                else -> break
            }
        }
        val first = words.getOrNull(i) ?: return null
        val two = words.getOrNull(i + 1)?.let { "$first $it" }
        return when {
            two != null && two in CLAUSES -> two
            first in CLAUSES -> first
            else -> null
        }
    }

    /** After `USE`: a (possibly dotted or backquoted) graph name, then the next clause. */
    private fun skipUse(words: List<String>, from: Int): Int {
        var i = from
        if (i < words.size) i++ // the first name part
        while (i + 1 < words.size && words[i] == ".") i += 2
        return i
    }

    private fun stripComments(query: String): String =
        query.replace(Regex("/\\*.*?\\*/", RegexOption.DOT_MATCHES_ALL), " ").replace(Regex("//[^\\n]*"), " ")
}
