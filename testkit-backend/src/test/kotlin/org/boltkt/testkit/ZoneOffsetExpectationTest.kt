package org.boltkt.testkit

import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class ZoneOffsetExpectationTest {
    private fun dt(year: Int, month: Int, day: Int, offset: Int, zone: String) = obj(
        "dt" to obj(
            "name" to "CypherDateTime",
            "data" to obj(
                "year" to year, "month" to month, "day" to day, "hour" to 0, "minute" to 0, "second" to 0,
                "nanosecond" to 0, "utc_offset_s" to offset, "timezone_id" to zone,
            ),
        ),
    )

    @Test
    fun `a subtest expecting pytz's minute-rounded offset is skipped naming both offsets`() {
        // Africa/Abidjan's local mean time before 1912 is -0:16:08; pytz rounds it to -0:16.
        val reason = SkipList.subTestReason(ZoneOffsetExpectation.TEST, dt(1, 1, 2, -960, "Africa/Abidjan"))
        assertNotNull(reason)
        assertTrue("-960 s" in reason!! && "-968 s" in reason, reason)
    }

    @Test
    fun `subtests whose expected offset is the database's run`() {
        assertNull(SkipList.subTestReason(ZoneOffsetExpectation.TEST, dt(1, 1, 2, -968, "Africa/Abidjan")))
        assertNull(SkipList.subTestReason(ZoneOffsetExpectation.TEST, dt(2022, 6, 17, 3600, "Europe/London")))
        assertNull(SkipList.subTestReason(ZoneOffsetExpectation.TEST, dt(2022, 6, 17, 0, "No/Such_Zone")))
        assertNull(SkipList.subTestReason("neo4j.datatypes.test_temporal_types.TestDataTypes.test_other", dt(1, 1, 2, -960, "Africa/Abidjan")))
    }
}
