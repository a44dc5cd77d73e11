package io.hunterreferrals.simulator;

import java.util.List;

/**
 * The fictional people, companies and mailbox domains generated referrals are made of. Every domain is a real-looking
 * name on a public suffix (.com, .com.tr, .co.uk, .de …); IDN domains are written in Unicode, as Partner Center would
 * show them. Company names come from Microsoft's sample-company set; none of this is anyone's real data.
 */
final class SampleData {

    private SampleData() {}

    record Company(
            String name,
            String domain,
            String country,
            String city,
            String state,
            String postalCode,
            String addressLine1,
            String locale,
            String currency,
            String phonePrefix) {}

    record Person(String firstName, String lastName, String mailbox) {}

    /**
     * Ordered so the first referrals pair the subdomain and IDN companies with contact styles that use their domain.
     */
    static final List<Company> COMPANIES = List.of(
            new Company(
                    "Contoso UK Ltd",
                    "mail.contoso.co.uk",
                    "GB",
                    "Manchester",
                    null,
                    "M1 1AE",
                    "12 Piccadilly",
                    "en-GB",
                    "GBP",
                    "+44 161"),
            new Company(
                    "Contoso Ltd",
                    "contoso.com",
                    "US",
                    "Seattle",
                    "WA",
                    "98052",
                    "1 Main St",
                    "en-US",
                    "USD",
                    "+1 425"),
            new Company(
                    "Müller Maschinenbau GmbH",
                    "müller.de",
                    "DE",
                    "München",
                    "Bayern",
                    "80331",
                    "Marienplatz 8",
                    "de-DE",
                    "EUR",
                    "+49 89"),
            new Company(
                    "Örnek Danışmanlık Ltd. Şti.",
                    "örnek.com.tr",
                    "TR",
                    "Ankara",
                    "Ankara",
                    "06510",
                    "Atatürk Bulvarı No:12 Çankaya",
                    "tr-TR",
                    "TRY",
                    "+90 312"),
            new Company(
                    "Fabrikam Bilişim A.Ş.",
                    "fabrikam.com.tr",
                    "TR",
                    "İstanbul",
                    "İstanbul",
                    "34394",
                    "Büyükdere Cad. No:185 Levent",
                    "tr-TR",
                    "TRY",
                    "+90 212"),
            new Company(
                    "Northwind Traders plc",
                    "northwindtraders.co.uk",
                    "GB",
                    "London",
                    "",
                    "EC2V 7HH",
                    "20 Gresham St",
                    "en-GB",
                    "GBP",
                    "+44 20"),
            new Company(
                    "Woodgrove Bank AG",
                    "woodgrovebank.de",
                    "DE",
                    "Frankfurt am Main",
                    "Hessen",
                    "60311",
                    "Neue Mainzer Str. 52",
                    "de-DE",
                    "EUR",
                    "+49 69"),
            new Company(
                    "Adatum Sağlık Hizmetleri A.Ş.",
                    "adatum.com.tr",
                    "TR",
                    "İzmir",
                    "İzmir",
                    "35220",
                    "Kordon Boyu No:5 Alsancak",
                    "tr-TR",
                    "TRY",
                    "+90 232"),
            new Company(
                    "Ölçüm Teknolojileri San. ve Tic. A.Ş.",
                    "olcumteknoloji.com.tr",
                    "TR",
                    "Bursa",
                    "Bursa",
                    "16140",
                    "Organize Sanayi Bölgesi Mavi Cad. No:3 Nilüfer",
                    "tr-TR",
                    "TRY",
                    "+90 224"),
            new Company(
                    "Tailspin Toys SARL",
                    "tailspintoys.fr",
                    "FR",
                    "Paris",
                    "Île-de-France",
                    "75008",
                    "10 Rue de Rivoli",
                    "fr-FR",
                    "EUR",
                    "+33 1"),
            new Company(
                    "Litware B.V.",
                    "litware.nl",
                    "NL",
                    "Amsterdam",
                    "Noord-Holland",
                    "1012 AB",
                    "Damrak 1",
                    "nl-NL",
                    "EUR",
                    "+31 20"),
            new Company(
                    "Proseware Inc.",
                    "proseware.io",
                    "US",
                    "Austin",
                    "TX",
                    "78701",
                    "500 Congress Ave",
                    "en-US",
                    "USD",
                    "+1 512"),
            new Company(
                    "Relecloud GmbH",
                    "relecloud.at",
                    "AT",
                    "Wien",
                    "Wien",
                    "1010",
                    "Graben 21",
                    "de-AT",
                    "EUR",
                    "+43 1"),
            new Company(
                    "Çağlayan Lojistik A.Ş.",
                    "çağlayan-lojistik.com.tr",
                    "TR",
                    "Kocaeli",
                    "Kocaeli",
                    "41400",
                    "Gebze OSB 1600. Sok. No:7",
                    "tr-TR",
                    "TRY",
                    "+90 262"),
            new Company(
                    "Alpine Ski House Pty Ltd",
                    "alpineskihouse.com.au",
                    "AU",
                    "Sydney",
                    "NSW",
                    "2000",
                    "1 George St",
                    "en-AU",
                    "AUD",
                    "+61 2"));

    static final List<Person> CUSTOMER_PEOPLE = List.of(
            new Person("Çağrı", "Şahin", "cagri.sahin"),
            new Person("Ayşe", "Yılmaz", "ayse.yilmaz"),
            new Person("İbrahim", "Öztürk", "ibrahim.ozturk"),
            new Person("Gülşen", "Çelik", "gulsen.celik"),
            new Person("Şebnem", "Doğan", "sebnem.dogan"),
            new Person("Ömer", "Güneş", "omer.gunes"),
            new Person("Jürgen", "Müller", "juergen.mueller"),
            new Person("Anja", "Schröder", "anja.schroeder"),
            new Person("Emily", "Clarke", "emily.clarke"),
            new Person("James", "O'Connor", "james.oconnor"),
            new Person("Sophie", "Dubois", "sophie.dubois"),
            new Person("Lars", "de Vries", "lars.devries"),
            new Person("Ana", "Example", "ana"));

    static final List<Person> PARTNER_PEOPLE = List.of(
            new Person("Sam", "Seller", "sam.seller"),
            new Person("Elif", "Kaya", "elif.kaya"),
            new Person("Mert", "Aydın", "mert.aydin"));

    static final List<Person> MICROSOFT_SELLERS =
            List.of(new Person("Morgan", "Account", "morgan.account"), new Person("Deniz", "Arslan", "deniz.arslan"));

    /** Free-mail providers, including national ones whose suffix is multi-label. */
    static final List<String> CONSUMER_DOMAINS = List.of(
            "gmail.com",
            "hotmail.com",
            "hotmail.com.tr",
            "outlook.com",
            "yandex.com.tr",
            "yahoo.com",
            "icloud.com",
            "gmx.de",
            "web.de",
            "mynet.com");

    static final String PARTNER_DOMAIN = "hunterpartner.com.tr";
    static final String PARTNER_NAME = "Hunter Bilişim Teknolojileri A.Ş.";
    static final String PARTNER_MPN_ID = "6123456";
    static final String OTHER_PARTNER_ORG_ID = "b7e2c3d4-5f60-4a71-8b92-a3b4c5d6e7f8";
    static final String OTHER_PARTNER_NAME = "Datum Partners GmbH";

    static final List<String> SIZES = List.of(
            "1to50employees",
            "51to500employees",
            "Morethan500employees",
            "1to9employees",
            "10to50employees",
            "51to250employees",
            "251to1000employees",
            "1001to5000employees",
            "5001to10000employees",
            "10001to20000employees",
            "Morethan20000employees");

    static final List<String> PRODUCTS =
            List.of("Azure", "Microsoft365", "Dynamics365Enterprise", "PowerPlatform", "Teams");
    static final List<String> INDUSTRIES =
            List.of("Manufacturing", "FinancialServices", "Healthcare", "Retail", "Government");
    static final List<String> SERVICES =
            List.of("DeploymentOrMigration", "ConsultingOrImplementation", "ManagedServices");

    static final List<String> PROJECTS = List.of(
            "M365 rollout",
            "Azure geçişi",
            "Ölçüm verileri için Azure Data Platform",
            "SAP on Azure",
            "Teams Phone",
            "Dynamics 365 Sales",
            "Power BI raporlama",
            "Cloud-Migration Rechenzentrum");

    static final List<String> NOTES = List.of(
            "Müşteri İstanbul'daki veri merkezini Azure'a taşımak istiyor. Çağrı Bey ile görüşülecek.",
            "Ölçüm altyapısı için Azure IoT ve Power BI değerlendiriliyor; bütçe onayı bekleniyor.",
            "Kunde möchte bis Q3 auf Microsoft 365 umstellen. Ansprechpartner: Jürgen Müller.",
            "Customer requested a call about licensing for 250 seats.",
            "Şirket genelinde Teams Phone geçişi; İzmir ve Ankara şubeleri dahil.",
            "");
}
