@file:JvmName("QuickStart")

package org.boltkt.samples.quickstart

import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.record.getString
import org.boltkt.client.use

/**
 * The README's ten-line quick start, compiled here so that it cannot rot (ReadmeSnippetsTest keeps the README equal
 * to the tagged region). It expects a Neo4j at localhost:7687 with the password `password`; the runnable samples
 * (RunSamples) start their own server instead.
 */
suspend fun main() {
    // tag::readme-quickstart[]
    val driver = BoltDriver("neo4j://localhost:7687", AuthTokens.basic("neo4j", "password"))
    try {
        driver.executeQuery("MERGE (:Person {name: \$name})", mapOf("name" to "Ada"))
        driver.session().use { session ->
            session.run("MATCH (p:Person) RETURN p.name AS name").records()
                .collect { println(it.getString("name")) }
        }
    } finally {
        driver.close()
    }
    // end::readme-quickstart[]
}
