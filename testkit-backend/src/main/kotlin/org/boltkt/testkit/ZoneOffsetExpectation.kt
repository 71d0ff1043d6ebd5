package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import java.time.DateTimeException
import java.time.LocalDateTime
import java.time.ZoneId

/**
 * `neo4j.datatypes.test_temporal_types.TestDataTypes.test_should_echo_all_timezone_ids` sends a date-time with a
 * zone id and the offset pytz computed, and expects the echo to carry that same offset. The driver reports the
 * offset of the time-zone database (the JDK's, exact to the second), so a subtest whose pytz offset differs from
 * the database's cannot match: pytz rounds historic offsets to whole minutes (Africa/Abidjan before 1912 is
 * −0:16:08 = −968 s; pytz says −960 s) and its database is older than the JDK's (Africa/Accra has been a link to
 * Africa/Abidjan, WET one to Europe/Lisbon, since tzdata 2022/2024b). Those subtests are skipped with both offsets;
 * the others run.
 */
object ZoneOffsetExpectation {
    const val TEST = "neo4j.datatypes.test_temporal_types.TestDataTypes.test_should_echo_all_timezone_ids"

    /** The skip reason for one subtest of [TEST] (arguments `{"dt": CypherDateTime}`), or null to run it. */
    fun reason(arguments: JsonObject?): String? {
        val dt = arguments?.objOrNull("dt")?.let { it.objOrNull("data") ?: it } ?: return null
        val expected = dt.longOrNull("utc_offset_s") ?: return null
        val zone = dt.strOrNull("timezone_id") ?: return null
        val wallTime = try {
            LocalDateTime.of(
                dt.long("year").toInt(), dt.long("month").toInt(), dt.long("day").toInt(),
                dt.long("hour").toInt(), dt.long("minute").toInt(), dt.long("second").toInt(), dt.long("nanosecond").toInt(),
            )
        } catch (e: DateTimeException) {
            return null
        }
        val database = try {
            ZoneId.of(zone).rules.getOffset(wallTime).totalSeconds.toLong()
        } catch (e: DateTimeException) {
            return null // a zone the JDK does not know: let the test show what happens
        }
        if (database == expected) return null
        val tzdb = java.time.zone.ZoneRulesProvider.getVersions(zone).lastKey()
        return "testkit's expected offset is pytz's, which rounds historic offsets to whole minutes and uses an older " +
            "time-zone database than the JDK's ($tzdb): expects $expected s for $zone at $wallTime, the database gives " +
            "$database s, which the driver reports"
    }
}
