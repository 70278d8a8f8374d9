package com.commcredits.web.demo;

import com.commcredits.organisation.Organisation;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.FinishedCall;
import com.commcredits.rating.RatingService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Role;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A day of Contoso's calls as the telephony platform would post them: domestic calls (pools),
 * international calls (the wallet, or Adele's international plan), toll-free inbound calls to +1
 * 800 555 0199 and conference dial-out, fewer at weekends, none in the future. They are rated by
 * {@link RatingService} exactly as posted calls are. Deterministic for a given day.
 */
final class DemoCalls {
  static final String TOLL_FREE = "+18005550199";

  /** The platform's caller for the demo organisation. */
  static Caller platform(long organisationId) {
    return new Caller(
        organisationId,
        Caller.ActorType.API_KEY,
        0,
        "Telephony platform (demo)",
        Set.of(Role.PLATFORM));
  }

  /** Users: {upn, usage location, holds Communications Credits}. */
  record DemoUser(String upn, String country, boolean credits) {}

  private static final String[][] DOMESTIC = {
    {"US", "+1206555"},
    {"US", "+1212555"},
    {"US", "+1415555"},
    {"CA", "+1416555"},
    {"CA", "+1604555"},
    {"GB", "+44207946"},
    {"GB", "+44161496"}
  };
  private static final String[] INTERNATIONAL = {
    "+44207946", "+49305550", "+33140000", "+91225550", "+52555550", "+81355500", "+447700900"
  };
  private static final String[] TOLL_FREE_CALLERS = {
    "+1425555", "+1312555", "+1646555", "+1905555", "+44207946"
  };
  private static final String[] DIAL_OUT = {"+1425555", "+1617555", "+44113496"};

  private DemoCalls() {}

  static List<FinishedCall> day(
      LocalDate day, Organisation org, List<DemoUser> users, Instant now) {
    Random random = new Random(day.toEpochDay());
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    double scale = weekend ? 0.25 : 1.0;
    List<FinishedCall> calls = new ArrayList<>();
    ZonedDateTime opening = day.atTime(8, 0).atZone(org.timeZone());
    int n = 0;
    for (int i = 0; i < Math.round(22 * scale); i++) {
      DemoUser user = users.get(random.nextInt(users.size()));
      String[] pick = pickFor(user.country(), random);
      calls.add(
          call(
              now,
              day,
              n++,
              CallKind.OUTBOUND,
              user.upn(),
              null,
              fromFor(user.country()),
              number(pick[1], random),
              opening,
              30 + random.nextInt(900),
              random));
    }
    List<DemoUser> payers = users.stream().filter(DemoUser::credits).toList();
    for (int i = 0; i < Math.round(4 * scale); i++) {
      DemoUser user = payers.get(random.nextInt(payers.size()));
      String prefix = INTERNATIONAL[random.nextInt(INTERNATIONAL.length)];
      calls.add(
          call(
              now,
              day,
              n++,
              CallKind.OUTBOUND,
              user.upn(),
              null,
              fromFor(user.country()),
              number(prefix, random),
              opening,
              40 + random.nextInt(500),
              random));
    }
    for (int i = 0; i < Math.round(5 * scale); i++) {
      String prefix = TOLL_FREE_CALLERS[random.nextInt(TOLL_FREE_CALLERS.length)];
      calls.add(
          call(
              now,
              day,
              n++,
              CallKind.TOLL_FREE_INBOUND,
              null,
              TOLL_FREE,
              number(prefix, random),
              TOLL_FREE,
              opening,
              60 + random.nextInt(480),
              random));
    }
    if (!weekend) {
      for (int i = 0; i < 2; i++) {
        DemoUser user = users.get(random.nextInt(users.size()));
        String prefix = DIAL_OUT[random.nextInt(DIAL_OUT.length)];
        calls.add(
            call(
                now,
                day,
                n++,
                CallKind.CONFERENCE_DIAL_OUT,
                user.upn(),
                null,
                "+14255550100",
                number(prefix, random),
                opening,
                600 + random.nextInt(2400),
                random));
      }
    }
    return calls.stream().filter(Objects::nonNull).toList();
  }

  private static String[] pickFor(String country, Random random) {
    List<String[]> options = new ArrayList<>();
    for (String[] d : DOMESTIC) {
      if (d[0].equals(country)
          || ("US".equals(country) || "CA".equals(country)) && d[1].startsWith("+1")) {
        options.add(d);
      }
    }
    return options.get(random.nextInt(options.size()));
  }

  private static String fromFor(String country) {
    return switch (country) {
      case "CA" -> "+14165550100";
      case "GB" -> "+442079460100";
      default -> "+14255550100";
    };
  }

  /** A number of the right length: +1 and ten digits in North America, twelve digits elsewhere. */
  private static String number(String prefix, Random random) {
    StringBuilder s = new StringBuilder(prefix);
    while (s.length() < (prefix.startsWith("+1") ? 12 : 13)) {
      s.append(random.nextInt(10));
    }
    return s.toString();
  }

  /** The call, or null when it would end after {@code now}: the platform has not posted it yet. */
  private static FinishedCall call(
      Instant now,
      LocalDate day,
      int n,
      CallKind kind,
      String upn,
      String tollFree,
      String from,
      String to,
      ZonedDateTime opening,
      int seconds,
      Random random) {
    Instant start =
        opening.plusMinutes(random.nextInt(600)).plusSeconds(random.nextInt(60)).toInstant();
    Instant end = start.plusSeconds(seconds);
    if (end.isAfter(now)) {
      return null;
    }
    return new FinishedCall(
        "demo-" + day + "-" + n,
        kind.name(),
        upn,
        tollFree,
        from,
        to,
        start.toString(),
        end.toString(),
        (long) seconds,
        now);
  }
}
