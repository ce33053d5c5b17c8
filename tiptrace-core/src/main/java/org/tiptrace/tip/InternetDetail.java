package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code internetDetails} element: exactly one incident kind (an {@code xs:choice}). Free text
 * fields keep the ESP's wording verbatim.
 */
public sealed interface InternetDetail {

  Optional<String> additionalInfo();

  /** {@code webPageIncident}; the LE JSON {@code webpageIncident}. */
  record WebPage(
      TriState thirdPartyHostedContent, List<String> urls, Optional<String> additionalInfo)
      implements InternetDetail {
    public WebPage {
      urls = List.copyOf(urls);
    }
  }

  /** {@code emailIncident}. */
  record EmailIncident(
      List<Email> emailAddresses, Optional<String> content, Optional<String> additionalInfo)
      implements InternetDetail {
    public EmailIncident {
      emailAddresses = List.copyOf(emailAddresses);
    }
  }

  /** {@code newsgroupIncident}. */
  record Newsgroup(
      Optional<String> name,
      List<Email> emailAddresses,
      Optional<String> content,
      Optional<String> additionalInfo)
      implements InternetDetail {
    public Newsgroup {
      emailAddresses = List.copyOf(emailAddresses);
    }
  }

  /** {@code chatImIncident}. */
  record ChatIm(
      Optional<String> chatClient,
      Optional<String> chatRoomName,
      Optional<String> content,
      Optional<String> additionalInfo)
      implements InternetDetail {}

  /** {@code onlineGamingIncident}. */
  record OnlineGaming(
      Optional<String> gameName,
      Optional<String> console,
      Optional<String> content,
      Optional<String> additionalInfo)
      implements InternetDetail {}

  /** {@code cellPhoneIncident}; latitude and longitude are positive north and east. */
  record CellPhone(
      Optional<Phone> phoneNumber,
      OptionalDouble latitude,
      OptionalDouble longitude,
      Optional<String> additionalInfo)
      implements InternetDetail {}

  /** {@code nonInternetIncident}. */
  record NonInternet(
      Optional<String> locationName,
      List<Address> incidentAddresses,
      Optional<String> additionalInfo)
      implements InternetDetail {
    public NonInternet {
      incidentAddresses = List.copyOf(incidentAddresses);
    }
  }

  /** {@code peer2peerIncident}. */
  record PeerToPeer(
      Optional<String> client,
      List<IpCaptureEvent> ipCaptureEvents,
      Optional<String> fileNames,
      Optional<String> additionalInfo)
      implements InternetDetail {
    public PeerToPeer {
      ipCaptureEvents = List.copyOf(ipCaptureEvents);
    }
  }
}
