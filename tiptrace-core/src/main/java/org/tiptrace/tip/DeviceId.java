package org.tiptrace.tip;

import java.util.Optional;

/** A device identifier (IMEI, ICCID, SSID, app install id …) and when it was seen. */
public record DeviceId(
    String idType,
    String idValue,
    Optional<IpCaptureType> eventName,
    Optional<ReportedTime> dateTime) {}
