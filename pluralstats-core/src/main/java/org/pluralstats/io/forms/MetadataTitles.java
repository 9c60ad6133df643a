package org.pluralstats.io.forms;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The titles Google Forms gives its metadata columns, in the languages of its interface (the title
 * follows the form owner's language, not the respondents'). A codebook can add more. Compared as
 * {@link TextKey}s.
 */
final class MetadataTitles {
    private static final List<String> TIMESTAMP = List.of("Timestamp", "Marca temporal", "Horodateur", "时间戳记",
            "時間戳記", "时间戳", "Zeitstempel", "タイムスタンプ", "Carimbo de data/hora", "Informazioni cronologiche",
            "Tijdstempel", "Sygnatura czasowa", "Отметка времени", "Zaman damgası", "طابع زمني", "الطابع الزمني",
            "طابع زمني للإرسال", "مهر زمانی", "برچسب زمان", "زمان‌نما", "타임스탬프", "Dấu thời gian", "Stempel waktu",
            "Cap waktu", "Tidstämpel", "Tidsstempel", "Tidsmerke", "Aikaleima", "Časová značka", "Časové razítko",
            "Χρονική σήμανση", "חותמת זמן", "ประทับเวลา", "Позначка часу", "Marcaj de timp", "Időbélyeg",
            "Marca de temps", "टाइमस्टैम्प", "Submitted at", "Submission time");
    private static final List<String> EMAIL = List.of("Email address", "Email", "E-mail", "E-mail address",
            "Email Address", "Username", "Dirección de correo electrónico", "Correo electrónico", "Adresse e-mail",
            "Adresse email", "E-Mail-Adresse", "电子邮件地址", "電子郵件地址", "メールアドレス", "Endereço de e-mail",
            "Indirizzo email", "E-mailadres", "Adres e-mail", "Адрес электронной почты", "E-posta adresi",
            "عنوان البريد الإلكتروني", "البريد الإلكتروني", "نشانی ایمیل", "آدرس ایمیل", "ایمیل", "이메일 주소",
            "Địa chỉ email", "Alamat email", "E-postadress", "E-mailadresse", "Sähköpostiosoite", "E-mailová adresa",
            "Διεύθυνση ηλεκτρονικού ταχυδρομείου", "כתובת אימייל", "ที่อยู่อีเมล", "Адреса електронної пошти",
            "Adresă de e-mail", "E-mail-cím", "Adreça electrònica", "ईमेल पता");
    private static final List<String> SCORE = List.of("Score", "Total score", "Puntuación", "Puntuación total", "Note",
            "Punktzahl", "Pontuação", "Punteggio", "分数", "得分", "總分", "スコア", "Баллы", "Puan", "الدرجة", "النتيجة",
            "امتیاز", "نمره", "점수", "Điểm", "Skor", "Poäng", "Pisteet", "Punten", "Wynik", "Βαθμολογία", "ציון");

    /** A quiz score, {@code 4 / 5} or {@code 3.5 / 10}. */
    private static final Pattern SCORE_VALUE = Pattern.compile("\\d+(?:[.,]\\d+)?\\s*/\\s*\\d+(?:[.,]\\d+)?");

    private final Set<String> timestamp = new HashSet<>();
    private final Set<String> email = new HashSet<>();
    private final Set<String> score = new HashSet<>();

    MetadataTitles(List<String> extraTimestamp, List<String> extraEmail, List<String> extraScore) {
        add(timestamp, TIMESTAMP);
        add(timestamp, extraTimestamp);
        add(email, EMAIL);
        add(email, extraEmail);
        add(score, SCORE);
        add(score, extraScore);
    }

    private static void add(Set<String> set, List<String> titles) {
        for (String t : titles) {
            set.add(TextKey.of(t));
        }
    }

    boolean isTimestampTitle(String header) {
        return timestamp.contains(TextKey.of(header));
    }

    boolean isEmailTitle(String header) {
        return email.contains(TextKey.of(header));
    }

    boolean isScoreTitle(String header) {
        return score.contains(TextKey.of(header));
    }

    static boolean isScoreValue(String value) {
        return value.indexOf('/') >= 0 && SCORE_VALUE.matcher(TextKey.asciiDigits(value.trim())).matches();
    }
}
