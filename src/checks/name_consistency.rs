//! `name-consistency`: one name spelled two ways in one article ("Feitosa" three times,
//! "Feitoza" once). No list needed: the article's own majority spelling is the evidence.

use super::support::known::{overlaps_any, word_span};
use super::support::name_variants::Options;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::{Applicability, Diagnostic};

struct NameConsistency {
    options: Options,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "name-consistency",
        include_str!("../../docs/kinds/name-consistency.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let options: Options = super::options(value)?;
    if options.ratio == 0 {
        return Err("`ratio` must be at least 1".into());
    }
    Ok(Box::new(NameConsistency { options }))
}

impl Check for NameConsistency {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let variants = cx.name_variants.with(&self.options, a, &cx.knowledge);
        if variants.is_empty() {
            return;
        }
        let claimed = cx.knowledge.claimed_spans(a);
        for v in variants.iter() {
            let elsewhere = match v.right_at.len() {
                // A surname introduced once in full and slipped later (see `name_variants`).
                1 => "where the article introduces the name".to_string(),
                2 => "twice elsewhere in the article".to_string(),
                n => format!("{n} times elsewhere in the article"),
            };
            let first_right = word_span(a, v.right_at[0], v.right_at[0]);
            for &i in &v.wrong_at {
                let span = word_span(a, i, i);
                if overlaps_any(&claimed, &span) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        span.clone(),
                        format!("'{}' is spelled '{}' {elsewhere}", v.wrong, v.right),
                    )
                    .with_primary_label(format!("'{}' elsewhere", v.right))
                    .with_label(first_right.clone(), format!("spelled '{}' here", v.right))
                    .with_help(format!("write '{}'", v.right))
                    .with_fix(span, v.right.clone(), Applicability::Unsafe),
                );
            }
        }
    }

    fn name_variants(&self) -> Option<&Options> {
        Some(&self.options)
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;
    use crate::checks::tests_support::{flagged_and_fixed, one};
    use crate::ruleset;

    const SET: &str = "set: t
rules:
  - id: consistency
    kind: name-consistency
";

    fn found(text: &str) -> Vec<(String, String)> {
        let linter = Linter::new(ruleset::parse("t.yml", SET).unwrap());
        flagged_and_fixed(text, linter.lint_text(text, None))
    }

    /// A rule run alone while not enabled finds its variants itself; enabled, it reads them
    /// from the article's shared ones (which the gazetteer reads too).
    #[test]
    fn a_disabled_rule_run_alone_finds_the_same_variants() {
        let text = "Javier Zavaleta spoke. Zavaleta said no. Zabaleta left. Zavaleta stayed.";
        let off = SET.replace(
            "kind: name-consistency",
            "kind: name-consistency\n    enabled: false",
        );
        let linter = Linter::new(ruleset::parse("t.yml", &off).unwrap());
        assert!(linter.lint_text(text, None).is_empty());
        let alone = linter.lint_text_with_rule(text, None, "t.consistency");
        assert_eq!(flagged_and_fixed(text, alone), found(text));
        assert_eq!(found(text), one("Zabaleta", "Zavaleta"));
    }

    /// What real copy showed is not one name misspelt (tests/real/judgments.tsv).
    #[test]
    fn other_languages_tags_and_well_known_words_are_not_slips() {
        for text in [
            // A quotation in French, a handle, a newspaper's Spanish name.
            "Tunisia voted. Tunisia's parties met. Tunisia waits. « La Tunisie est un pays libre », he wrote.",
            "Peter Aguil said so. @AguilB wrote, @AguilB added, @AguilB again, @AguilB once more.",
            "Colombia mourned. Colombia's police searched, Colombia said, as El Colombiano reported.",
            // Demonyms, languages: well-known words of their own.
            "Argentina voted. Argentina's peso fell. Argentina waits; Argentine farmers protest.",
            "Arabia is vast. Arabia's deserts, Arabia's oil. Arabic is spoken there.",
            // A spelling English lacks letters for is the name in its own language.
            "Mozambique voted. Mozambique's capital, Mozambique's coast: Moçambique for Portuguese speakers.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// A passage in another language spells a person's name as English does: its uses count,
    /// and a slip in it is a slip; its own names for places, its well-known words and its case
    /// endings are not.
    #[test]
    fn names_in_passages_in_another_language() {
        let spanish = "Susana Bustamante fought for the law.\n\n\
            «Bustamante es una madre que ha luchado hasta el final por su hija y por todas las familias», \
            escribió el diario en su página.\n\n\
            «Bustamante nunca se rindió y siempre dijo que la ley era necesaria para todos», dijo otra.\n\n\
            Bustammante recalled the day her daughter died.";
        assert_eq!(found(spanish), one("Bustammante", "Bustamante"));
        let slip_inside = "Jorge Garatea spoke. Garatea said the church was wrong.\n\n\
            «Ello, que es lo que ha ocurrido con el padre Jorge Garetea, no suspende ni prohíbe al \
            sacerdote el ejercicio de su ministerio en la ciudad», escribió el arzobispo.";
        assert_eq!(found(slip_inside), one("Garetea", "Garatea"));
        // A well-known surname after a given name is a person's, spelt alike in any language.
        let person = "Jonathan Shapiro drew it. Shapiro was arrested in 1988.\n\n\
            Le Sud-Africain Jonathan Sapiro, alias Zapiro, fut détenu par les autorités en 1988 \
            pour ses dessins contre le régime de l'apartheid.";
        assert_eq!(found(person), one("Sapiro", "Shapiro"));
        // A case ending changes or adds a letter; a name's last letter dropped is a slip.
        let dropped = "Jonathan Shapiro drew it.\n\n\
            Le Sud-Africain Jonathan Shapiro, alias Zapiro, fut détenu par les autorités en 1988 \
            pour ses dessins contre le régime de l'apartheid.\n\n\
            Shapir was arrested in 1988.";
        assert_eq!(found(dropped), one("Shapir", "Shapiro"));
        // Case endings: "Srbiji", "Srbiju" are Serbian forms of one name, not slips.
        let serbian = "Serbia voted.\n\n\
            Dragi sugrađani, jedino što je potrebno Srbiji su promene, i zajedno pokrenimo Srbiju, \
            izađi i glasaj danas za nas!\n\n\
            @journalist92: Srpski radikali će da nas izvuku, glas za njih znači glas za Srbiju u mraku.\n\n\
            The initiative Digitalni Glas Srbije was launched.";
        assert!(found(serbian).is_empty(), "{:?}", found(serbian));
        // A place's name in another language is that language's ("Tunisie").
        let french = "Tunisia voted. Tunisia's parties met.\n\n\
            « La Tunisie est un pays libre et la Tunisie restera libre », a-t-il écrit hier soir.";
        assert!(found(french).is_empty(), "{:?}", found(french));
    }

    #[test]
    fn transliterations_are_kept_in_quotations_only() {
        let quoted =
            "Amr Moussa spoke. Moussa said no. Moussa left. \"Mousa is wrong,\" a voter said.";
        assert!(found(quoted).is_empty(), "{:?}", found(quoted));
        let tweet =
            "Amr Moussa spoke. Moussa said no. Moussa left.\n\n@voter: Mousa puts security first.";
        assert!(found(tweet).is_empty(), "{:?}", found(tweet));
        assert_eq!(
            found("Amr Moussa spoke. Moussa said no. Moussa left, and Mousa returned."),
            one("Mousa", "Moussa")
        );
        // A letter doubled beside a consonant is no transliteration's geminate.
        let doubled = "Khader Adnan was freed. Adnan said so. Adnan left.\n\n@voter: Mr Addnan puts security first.";
        assert_eq!(found(doubled), one("Addnan", "Adnan"));
        // A quotation that also spells the name the usual way keeps no other spelling.
        let report = "A report explains the plight of farmers such as Dorothy Dyton:\n\n\
            They had no deed for the land Dytton was born on. Since then, said Dyton, \
            “life has been very hard on us.”";
        assert_eq!(found(report), one("Dytton", "Dyton"));
        // The label of an interview's answer is the writer's.
        let interview = "Lasana Liburd is a journalist. Liburd launched Wired868.\n\n\
            Lasana Lyburd (LL): I say 'smart' because we are online.";
        assert_eq!(found(interview), one("Lyburd", "Liburd"));
        let answer = "Lasana Liburd is a journalist. Liburd launched Wired868.\n\n\
            Lasana Liburd (LL): I say Lyburd is how my grandmother wrote it.";
        assert!(found(answer).is_empty(), "{:?}", found(answer));
        // A translation of a quoted post is the writer's own words.
        let translated = "Alexander Semin returned. Semin played well. Semin scored.\n\n\
            Приезд Овечкина и Семина по разному комментируют, кто то вспоминает его игру за сборную.\n\n\
            We are saying different things about the arrival of Ovechkin and Semmin; we need him.";
        assert_eq!(found(translated), one("Semmin", "Semin"));
        // A name or a title in quotation marks is the article's, as is the attribution between
        // the halves of a quotation in a paragraph introduced by a colon.
        let title = "Palmerah is a street. The video, “Koboy Palmirah”, means “Palmerah Cowboy”. \
                     Palmerah is busy.";
        assert_eq!(found(title), one("Palmirah", "Palmerah"));
        let attribution = "Bill Hammons ran. Hammons has a plan:\n\n\
            \"The number should be 13,\" says Hamons, \"and the four new Justices smart.\"";
        assert_eq!(found(attribution), one("Hamons", "Hammons"));
        let statement = "Bill Hammons ran. Hammons has a plan:\n\n\
            \"The number should be 13,\" says Hammons, \"as Hamons said before.\"";
        assert!(found(statement).is_empty(), "{:?}", found(statement));
        // One given name, two spellings of it: one person, whatever the words are.
        assert_eq!(
            found(
                "Muhammad Syaugi led. Muhammad Syaugi said. Muhammad Syaugi and Mohammad Syaugi."
            ),
            one("Mohammad", "Muhammad")
        );
    }

    #[test]
    fn minority_spelling_is_reported() {
        assert_eq!(
            found(
                "Javier Zavaleta spoke. Zavaleta said no. Zabaleta left. Zavaleta's aides stayed."
            ),
            one("Zabaleta", "Zavaleta")
        );
        assert_eq!(
            found("Aaron Kwasniewski said so. Kwasnieski said more. \"Yes,\" Kwasniewski said."),
            one("Kwasnieski", "Kwasniewski")
        );
        assert_eq!(
            found("In Rajasthan it was hot. Rajasthan burned; villages of Rajastan had no water."),
            one("Rajastan", "Rajasthan")
        );
        assert_eq!(
            found("Mahesh Chaturvedi said it. Chaturvedi added more. Chaturvedy advised water."),
            one("Chaturvedy", "Chaturvedi")
        );
    }

    #[test]
    fn a_listed_name_is_left_to_the_entities_rule() {
        let set = format!(
            "{SET}  - id: names\n    kind: entities\n    entities: [{{name: Javier Zavaleta, type: person}}]\n"
        );
        let linter = Linter::new(ruleset::parse("t.yml", &set).unwrap());
        let text = "Javier Zavaleta spoke. Zavaleta said no. Zabaleta left. Zavaleta stayed.";
        let rules: Vec<String> = linter
            .lint_text(text, None)
            .into_iter()
            .map(|d| format!("{} {}", d.rule, &text[d.span]))
            .collect();
        assert_eq!(rules, vec!["t.names Zabaleta"]);
    }

    #[test]
    fn inflections_and_possessives_are_not_variants() {
        assert!(
            found("Bolivia voted. Bolivian police and Bolivians marched in Bolivia's cities.")
                .is_empty()
        );
        assert!(
            found("Kenya won. Kenyan runners. Kenya's team. Chile and Chilean miners.").is_empty()
        );
        assert!(
            found("Brazil rains; Brazilian towns. Morales spoke. Morales left. Moral support.")
                .is_empty()
        );
    }

    #[test]
    fn four_letter_names_family_names_and_titles() {
        // A four-letter surname, with and without a title.
        assert_eq!(
            found("Helmut Kohl spoke. Kohl left. Kojl came back. Kohl stayed."),
            one("Kojl", "Kohl")
        );
        assert_eq!(
            found("Mr Sata had collapsed, Mr Sata is very sick, Mr Sota has died."),
            one("Sota", "Sata")
        );
        // A five-letter name slipped to four letters.
        assert_eq!(
            found("Joe Biden won. Biden spoke, and Bden thanked voters."),
            one("Bden", "Biden")
        );
        // One family name after another given name: an unknown spelling one edit away.
        assert_eq!(
            found("Martyn Williams scored. Shane Williasms ran. Williams kicked."),
            one("Williasms", "Williams")
        );
        assert_eq!(
            found(
                "Anne Sacoolas left. Sacoolas said so. Her husband Jonathan Socoolas went, and Sacoolas wrote."
            ),
            one("Socoolas", "Sacoolas")
        );
    }

    #[test]
    fn one_name_after_one_given_name_or_before_ordinary_words() {
        // One given name before two well-known spellings: one person.
        assert_eq!(
            found(
                "Ahmed Mohamed, 14, was arrested. Mohamed built a clock. Ahmed Mohammed was freed."
            ),
            one("Mohammed", "Mohamed")
        );
        // Words after a name that are ordinary English are no family names.
        assert_eq!(
            found(
                "The Greek government protested. This Wednesday Greek Foreign Minister Nikos \
                 Dendias spoke, as Greek Reporter noted. It was a Greem Orthodox church."
            ),
            one("Greem", "Greek")
        );
        // A word written with letters English lacks is a name, not the English word.
        assert_eq!(
            found("Miguel Ángel Fernández spoke. Miguel Ángel left. Miguel Ángtel stayed."),
            one("Ángtel", "Ángel")
        );
        // A name cut short by its last letter.
        assert_eq!(
            found("Lisa Mancini cosplays. Mancini said so. Mancini smiled, and Lisa Mancin left."),
            one("Mancin", "Mancini")
        );
        // A four-letter word before another word of a name, as the usual one stands.
        assert_eq!(
            found(
                "Greek Orthodox leaders met. Greek Foreign Minister Dendias spoke, as Grek Reporter noted."
            ),
            one("Grek", "Greek")
        );
        // A word after a given name is not a given name: no other family's.
        assert_eq!(
            found("Ahmed Ould Abdallah spoke. Ahmed Ould Makt wrote. Mohamed Ojld Jedou wrote."),
            one("Ojld", "Ould")
        );
        // A four-letter name in a place in a name where the usual one stands.
        assert_eq!(
            found(
                "Ahmed Ould Abdallah spoke. Mohamed Ould Jedou wrote. Ahmed Ohld Abdallah wrote."
            ),
            one("Ohld", "Ould")
        );
    }

    #[test]
    fn a_letter_dropped_from_a_short_name_used_three_times() {
        assert_eq!(
            found("Mr Sata had collapsed, Mr Sata is very sick, Mr Saa has died, Mr Sata said."),
            one("Saa", "Sata")
        );
        // Used three times, the slip included; not twice.
        assert_eq!(
            found("Mr Sata had collapsed, Mr Sata is very sick, Mr Saa has died."),
            one("Saa", "Sata")
        );
        assert!(found("Mr Sata had collapsed, and Mr Saa has died.").is_empty());
        // An English word is a word.
        assert!(
            found("Mr Sata had collapsed, Mr Sata is sick, Mr Sata said. Sat down, he waited.")
                .is_empty()
        );
        // Nor a word in another place in names.
        assert!(found("Cuba voted. Cuba waits. Cuba cheers. Cba Holdings said so.").is_empty());
    }

    #[test]
    fn a_name_after_a_foreign_article_is_compared_with_the_same_name() {
        assert_eq!(
            found(
                "The film Les Intouchables won. Les Intouchables earned millions, and the \
                 Intouchables' star spoke. Les Intouchablas is a comedy."
            ),
            one("Intouchablas", "Intouchables")
        );
        // An unknown name after such an article is no other name built on a well-known one.
        assert_eq!(
            found(
                "Only when the 'Intouchables' won millions, the Intouchables' star \
                   spoke of Les Intouchablas."
            ),
            one("Intouchablas", "Intouchables")
        );
    }

    #[test]
    fn endings_of_their_own_and_places_in_other_names() {
        // A feminine surname, a family's plural, a short name's derivation.
        assert!(
            found("Maria Petrova won. Petrova said so. Petrova left. Her father Petrov smiled.")
                .is_empty()
        );
        assert!(
            found("The Zuckerbergs gave. The Zuckerbergs said so. Zuckerberg spoke.").is_empty()
        );
        assert!(
            found("Saudi officials met. Saudi Arabia's king, of the house of Saud, spoke.")
                .is_empty()
        );
        // A place's name in another name, in its own language or another.
        assert!(
            found("Israel voted. Israel's parliament met. Israel waits. Yisrael Beiteinu joined.")
                .is_empty()
        );
        assert!(
            found("Brazil voted. Brazil's quotas. Brazil waits. Blog Brasil Escola explains.")
                .is_empty()
        );
    }

    #[test]
    fn two_real_people_one_letter_apart_are_not_one_name() {
        // Both spellings are well-known names: two people.
        assert!(found("Boris Johnson spoke. Johnson left. Steve Johnston stayed.").is_empty());
        assert!(found("Jackie Chan spoke. Chan left. Chan came back. Chen Wei stayed.").is_empty());
        // A short name in another place in a name ("Hong" of Hong Kong, "Siu Heng").
        assert!(
            found("Hong Kong voted. Hong Kong waits. Hong Kong cheers. Siu Heng said so.")
                .is_empty()
        );
        // A short name one letter from a place used as a given name.
        assert!(found("In Cali it rained. Cali flooded. Cari Isa Vanegas wrote.").is_empty());
    }

    #[test]
    fn different_names_are_not_variants() {
        // Short names, two people with given names, a word also used in lower case.
        assert!(found("Mesa spoke. Mesa left. Meza stayed.").is_empty());
        assert!(found("Boris Johnson spoke. Johnson left. Steve Johnston stayed.").is_empty());
        assert!(found("Mario Draghi spoke. Mario Monti too. Maria Rossi stayed.").is_empty());
        assert!(found("Jan Kowalski spoke. Kowalski left. Kowalska stayed.").is_empty());
        assert!(found("Baker spoke. Baker left. Barker stayed, a barker of fish.").is_empty());
        // No majority: one each.
        assert!(found("Ramon Abellano won; Abellana denied it.").is_empty());
        // A surname introduced once in full, then written alone, later, one letter off.
        assert_eq!(
            found("Union leader Helder Nogueira spoke. For Noguiera, the offer was too low."),
            one("Noguiera", "Nogueira")
        );
        assert_eq!(
            found("Commissioner Jacques Barrot said so. Mr Barot added that he agreed."),
            one("Barot", "Barrot")
        );
        for ok in [
            // Written alone first: which is right is not known.
            "Noguiera spoke first. Later Helder Nogueira spoke.",
            // Both with given names: two people.
            "Helder Nogueira spoke. Ana Noguiera replied.",
            // A well-known name written alone: another person.
            "Coach Paul Smyth spoke. Smith replied.",
        ] {
            assert!(found(ok).is_empty(), "{ok}");
        }
        // A name mentioned alone in quotation marks: a nickname, not a slip.
        assert!(
            found(
                "Leverkusen won the title. A club long mocked as \"Neverkusen\" is champion. Leverkusen lost once."
            )
            .is_empty()
        );
        // A title in quotation marks is the article's own writing.
        assert_eq!(
            found(
                "The film Intouchables won. Critics loved Intouchables. Then the 'Intouchobles' reached 19 million viewers."
            ),
            one("Intouchobles", "Intouchables")
        );
        // Two families that spell one sound two ways, with their own given names.
        assert!(
            found(
                "Ricardo Menezes spoke. Menezes said so. Menezes left. The financial director, Ana Paula Meneses, added figures."
            )
            .is_empty()
        );
        assert_eq!(
            found("Martyn Williams spoke. Williams said so. Shane Williasms left. Williams won."),
            one("Williasms", "Williams")
        );
        // A word that opens two names before different words: two names.
        assert!(
            found(
                "Santa Maria hospital closed. At Santa Maria, staff struck. Santo António opened."
            )
            .is_empty()
        );
        // The same rest of the name: a slip in its first word.
        assert_eq!(
            found("Santa Cruz voted. Santa Cruz won. Sanata Cruz lost."),
            one("Sanata", "Santa")
        );
    }

    /// A letter doubled before an ending is a slip, not another ending ("Stevenns" is no
    /// Steven + "ns" beside Steven + "s").
    #[test]
    fn a_letter_doubled_before_an_ending() {
        let text = "Justice John Paul Stevens died. Paul Stevens served for decades. Stevens \
                    wrote dissents. Stevenns retired in 2010. Paul Stevens was 99.";
        assert_eq!(found(text), one("Stevenns", "Stevens"));
        let text = "Green candidate Howie Hawkins spoke. Hawkins said no. While La Riva and \
                    Hawkinns attacked war, Hawkins did not.";
        assert_eq!(found(text), one("Hawkinns", "Hawkins"));
    }
}
