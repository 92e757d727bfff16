package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.hearth.complaint.CaseClass;

/** Focused cases, one idea each, for the shipped rules and the way their findings are weighed. */
class TriageRulesTest {

    private final Triage triage = ShippedTriage.get();

    private TriageDecision classify(String text) {
        return triage.classify(TriageInput.of(text, "sms"));
    }

    private static List<String> rules(TriageDecision decision) {
        return decision.reasons().stream().map(Reason::rule).toList();
    }

    private static Optional<Reason> reason(TriageDecision decision, String rule) {
        return decision.reasons().stream().filter(r -> r.rule().equals(rule)).findFirst();
    }

    @Nested
    class ServiceRequests {

        @Test
        void angryFirstFaultReportIsAServiceRequest() {
            TriageDecision d = classify("THIS BOILER IS USELESS 😡 no hot water since this morning, pls send someone today");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).contains("request-for-action", "first-report");
        }

        @Test
        void neighbourNoiseIsAServiceRequestNotAComplaintAboutUs() {
            TriageDecision d = classify("The people upstairs have loud music on till 4am most nights, my neighbour"
                    + " next door can hear it too. Can the housing officer have a word?");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(reason(d, "neighbour-report")).get().extracting(Reason::explanation).asString()
                    .contains("not about the landlord");
        }

        @Test
        void complainingAboutANeighbourIsStillAServiceRequest() {
            TriageDecision d = classify("I want to complain about my neighbour's dogs barking all day");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).doesNotContain("explicit-complaint-request");
        }

        @Test
        void aQuestionAskingForWorkIsARequestNotAnEnquiry() {
            TriageDecision d = classify("Would it be possible to get the hedge at the side of no 3 trimmed back?");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).doesNotContain("information-request");
            assertThat(reason(d, "question")).get().extracting(Reason::explanation).asString()
                    .startsWith("asks about getting work done");
        }

        @Test
        void thanksThenANewRepairIsARepair() {
            TriageDecision d = classify("Thanks for sorting the gutter. While I've got you, the bedroom door handle"
                    + " has come off, could someone replace it?");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }
    }

    @Nested
    class Complaints {

        @Test
        void thirdTimeNoOneCameIsAComplaintQuotingTheEvidence() {
            TriageDecision d = classify("This is the third time no one came to fix my window.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(reason(d, "missed-appointment")).get().extracting(Reason::explanation).asString()
                    .startsWith("expresses dissatisfaction with a missed appointment")
                    .contains("third time no one came");
        }

        @Test
        void theWordComplaintIsNotNeeded() {
            TriageDecision d = classify("rang 3 times about my leaking roof and nobody rings back");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("repeated-contact", "not-called-back");
        }

        @Test
        void anExplicitRequestIsDecisive() {
            TriageDecision d = classify("Thank you for your time. I would like to make a formal complaint.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("explicit-complaint-request");
        }

        @Test
        void staffRudenessIsAComplaint() {
            TriageDecision d = classify("The woman on the phone was so rude to me and then hung up");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("staff-conduct");
        }

        @Test
        void contractorDamageIsAComplaint() {
            TriageDecision d = classify("The roofers dumped old slates in my garden and broke the greenhouse.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("poor-work-or-damage");
        }

        @Test
        void aBrokenPromiseIsAComplaint() {
            TriageDecision d = classify("I was told a new fence would go up in May, its August and still nothing");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("broken-promise");
        }

        @Test
        void grudgingThanksAfterADelayIsStillAComplaint() {
            TriageDecision d = classify("Thanks for fixing the door I suppose, only took 7 weeks and 4 appointments");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("thanks-or-praise");
        }

        @Test
        void dissatisfactionWithAnOpenRequestIsAComplaint() {
            TriageDecision d = classify("Category: Repairs\nMy repair REP-1 was booked for Monday. Nobody turned up"
                    + " and I've had no call since.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        }

        @Test
        void textingStyleIsUnderstood() {
            TriageDecision d = classify("u lot sed sum1 wud come 2day n nobody came, wasted my whole day");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        }
    }

    @Nested
    class ComplimentsAndEnquiries {

        @Test
        void thanksIsACompliment() {
            TriageDecision d = classify("Just wanted to say a big thank you to Priya on reception, she was so helpful.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLIMENT);
            assertThat(d.needsClarification()).isFalse();
        }

        @Test
        void aSignOffThanksIsNotPraise() {
            TriageDecision d = classify("The kitchen tap is loose.\n\nThanks,\nAli");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).doesNotContain("thanks-or-praise");
        }

        @Test
        void aQuestionIsAnEnquiry() {
            TriageDecision d = classify("When is the rent free week this year?");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(rules(d)).contains("information-request");
        }

        @Test
        void askingHowComplaintsWorkIsAnEnquiry() {
            TriageDecision d = classify("how many days do you get to answer a complaint?");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
        }

        @Test
        void aSurveyRemarkIsAnEnquiryEvenWhenCritical() {
            TriageDecision d = classify("Tenant satisfaction survey - comments: repairs are slow and nobody ever calls back.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(reason(d, "survey-remark")).get().extracting(Reason::explanation).asString().contains("survey");
            assertThat(rules(d)).contains("implicit-complaint-set-aside");
        }

        @Test
        void aCouncillorAskingForAnUpdateIsAnEnquiry() {
            TriageDecision d = classify("Could you give me an update on the damp works at Brook House? Residents are"
                    + " fed up with the delays.\n\nCllr Tom Reid");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(d.representativeRole()).isEqualTo("councillor");
        }

        @Test
        void aCouncillorAskingForAComplaintGetsOne() {
            TriageDecision d = classify("Please log this as a complaint on behalf of my resident, who has waited"
                    + " four months for a new boiler.\nCllr Tom Reid");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(d.representativeRole()).isEqualTo("councillor");
        }
    }

    @Nested
    class Escalations {

        @Test
        void asksForAReviewOfTheStageOneResponse() {
            TriageDecision d = classify("I've read your stage 1 response and it misses the point entirely."
                    + " Please review it.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ESCALATION);
        }

        @Test
        void stageTwoNeedNotBeNamed() {
            TriageDecision d = classify("Got the letter about my complaint today. Don't agree with any of it and"
                    + " I want someone senior to look at it again.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ESCALATION);
            assertThat(rules(d)).contains("complaint-response-rejected");
        }

        @Test
        void chasingAnUnansweredComplaintIsNotAnEscalation() {
            TriageDecision d = classify("I still haven't had a response to my complaint from March and nobody has rung me.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        }
    }

    @Nested
    class Flags {

        @ParameterizedTest
        @ValueSource(strings = {
                "strong smell of gas in the hallway",
                "CO alarm keeps going off",
                "water dripping out of the ceiling light in the bathroom",
                "the socket behind the fridge is sparking",
                "lumps of plaster falling from the ceiling, think its going to come down",
                "sewage coming up through the bath plug",
                "my neighbour is trapped in the lift between floors 2 and 3",
                "front door won't lock since the break in"})
        void hazardsAreFlagged(String text) {
            assertThat(classify(text).hazard()).as(text).isTrue();
        }

        @Test
        void gasSmellIsAHazardAndAServiceRequest() {
            TriageDecision d = classify("I can smell gas in my kitchen");
            assertThat(d.hazard()).isTrue();
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).contains("hazard-gas");
        }

        @Test
        void aHazardThankedForIsNotLive() {
            TriageDecision d = classify("Thank you for making the gas leak safe so quickly last night");
            assertThat(d.hazard()).isFalse();
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLIMENT);
        }

        @Test
        void mouldIsAHazardOnlyWhenItHarmsHealth() {
            assertThat(classify("there is mould on the bathroom ceiling").hazard()).isFalse();
            assertThat(classify("mould all over the bedroom and my son's asthma is worse").hazard()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "I use a wheelchair", "I'm having chemo", "I'm 84 and live alone", "I'm 6 months pregnant",
                "I suffer from depression", "fleeing domestic abuse", "my English is not good, need interpreter",
                "my wife passed away in March"})
        void vulnerabilityIsFlagged(String text) {
            assertThat(classify(text).vulnerability()).as(text).isTrue();
        }

        @Test
        void aToddlerAloneIsNotAVulnerabilityFlag() {
            assertThat(classify("the lift is broken again and I've got a toddler").vulnerability()).isFalse();
        }
    }

    @Nested
    class Representatives {

        @Test
        void declaredDaughterIsFamily() {
            TriageDecision d = triage.classify(new TriageInput("Mum's radiator is leaking.", null, "web", true, "Daughter"));
            assertThat(d.representative()).isTrue();
            assertThat(d.representativeRole()).isEqualTo("family");
            assertThat(reason(d, "declared-representative")).get().extracting(Reason::explanation).asString()
                    .contains("Daughter");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "son|family", "Mother-in-law|family", "next of kin|family", "friend|friend", "Key worker|support_worker",
                "support_worker|support_worker", "Citizens Advice|advocate", "solicitor|solicitor", "Cllr|councillor",
                "MP's caseworker|mp", "neighbour|other", "lodger|other"})
        void declaredRelationshipsMapToRoles(String relationship, String role) {
            TriageDecision d = triage.classify(new TriageInput("The hall light is out.", null, "web", true, relationship));
            assertThat(d.representativeRole()).as(relationship).isEqualTo(role);
        }

        @Test
        void aDeclaredRepresentativeWithoutARelationshipIsOtherUnlessTheWordsSayMore() {
            assertThat(triage.classify(new TriageInput("The hall light is out.", null, "web", true, null))
                    .representativeRole()).isEqualTo("other");
            assertThat(triage.classify(new TriageInput("I'm writing for my dad, his hall light is out.", null, "web",
                    true, null)).representativeRole()).isEqualTo("family");
        }

        @Test
        void councillorSignatureIsACouncillor() {
            TriageDecision d = classify("Please can you confirm when the play area will reopen.\n\nKind regards\n"
                    + "Councillor Ann Price\nNorth Ward");
            assertThat(d.representative()).isTrue();
            assertThat(d.representativeRole()).isEqualTo("councillor");
        }

        @Test
        void aTenantMentioningTheirOwnMpIsNotARepresentative() {
            TriageDecision d = classify("If this isn't fixed by Friday I'm going to my MP and my councillor.");
            assertThat(d.representative()).isFalse();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "I'm writing on behalf of my grandad, his boiler has gone off|family",
                "Calling for my friend Sue at no 9, her bath is leaking|friend",
                "I'm her support worker and she asked me to report the broken window|support_worker",
                "We are instructed by Mr Lee in relation to disrepair at his home|solicitor",
                "I'm an advocate with Age UK writing about Mrs Kay's heating|advocate",
                "My constituent has asked me to raise her repair with you|mp",
                "Writing on behalf of Mr Ahmed at flat 2, he asked me to report the leak|other",
                // Said another way: introduced by the tenant's name, recorded by staff, through an interpreter.
                "Tenant's son phoned to say his mother's heating has not worked for a week|family",
                "Hi, I'm Sue, Mrs Lowe's daughter at 3 Ash Row. The gate has come off its hinges|family",
                "my dad is stuck in the lift at Orchard House, please send someone|family",
                "Call from Mr Dee, neighbour at no. 5, reporting that the old lady at no. 7 has had no heating for days|other",
                "it's Sam, Jean Platt's friend, she asked me to let you know her bath is leaking|friend",
                "I support a survivor as her IDVA and she needs the locks changed|advocate",
                "Mrs Okoro rang via her daughter, who translated for her, about the broken fence|family",
                "my wife got your letter about her complaint and she is not happy with it|family",
                "is the plumber coming to my mam's on Friday morning? she can't get to the door quickly|family",
                "Call through Language Line for tenant Mr Haddad: the window is stuck open|other",
                "Son (lives away) on the phone for his mother Mrs Kaur, no. 4: boiler not firing|family",
                "my nan is at 7 Holly Row and she has asked me to report the gutter hanging off|family",
                "I'm Ella Ward's mum, she's at 2 Fern Walk and her shower has stopped working|family",
                "Writing for my neighbour and friend Bill who has no computer: his path is broken|friend",
                "Call from Ms Rowe, sister of T Mr D. Rowe, 4 Vale Rd: the bath panel is loose|family",
                "Video relay call (BSL interpreter) from T Mr Lee: the gate is broken|other",
                "Mrs Ahmed rang with her nephew interpreting, the extractor fan is broken|family",
                "Call from a church volunteer with T Mr Dunn on speaker about his leaking roof|other",
                "My sister Jo (flat 2) asked me to write: her heating is off|family",
                "Call from T's mother on behalf of T Ms Clarke: the boiler is not firing|family",
                "Phone call from Mr Obi's son, Daniel, about the damp in his father's bedroom|family",
                "Tel: son Mr R. Kemp re father Mr J. Kemp, 2 Dale Rd. Bath taps seized|family",
                "Letter from Mrs Uddin, written by her granddaughter as Mrs Uddin does not write English. Fence down|family",
                "My friend Pat Doyle at 4 Mill Lane who is in hospital for a hip operation has asked me to chase her roof leak|friend",
                "Visit from Mrs Noor w/ son Imran translating: the bedroom window will not open|family",
                "my gran's at 12 Birch Road, could someone look at her back gate|family"})
        void rolesAreRecognisedFromTheWords(String text, String role) {
            TriageDecision d = classify(text);
            assertThat(d.representative()).as(text).isTrue();
            assertThat(d.representativeRole()).as(text).isEqualTo(role);
        }
    }

    @Nested
    class Combining {

        @Test
        void noRuleFiredNeedsClarification() {
            TriageDecision d = classify("ok");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(d.needsClarification()).isTrue();
            assertThat(d.reasons()).isNotEmpty();
        }

        @Test
        void anEmptyRuleListStillExplainsItself() {
            TriageDecision d = new Triage(List.of()).classify(TriageInput.of("my roof leaks", "web"));
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(d.needsClarification()).isTrue();
            assertThat(rules(d)).containsExactly("no-class-evidence");
        }

        @Test
        void aCustomRuleIsOneEntryInTheList() {
            TriageRule petition = TriageRule.of("petition", text -> text.has(Pattern.compile("\\bpetition\\b"))
                    ? Optional.of(Finding.vote(CaseClass.ENQUIRY, Finding.STRONG, "is a petition"))
                    : Optional.empty());
            TriageDecision d = new Triage(List.of(petition)).classify(TriageInput.of("PETITION: save our green", "web"));
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(d.reasons()).first().isEqualTo(new Reason("petition", "is a petition"));
        }

        @Test
        void weakDissatisfactionWithARequestAsksTheSender() {
            TriageDecision d = classify("The bath tap is still dripping, can someone come and look at it?");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(d.needsClarification()).isTrue();
        }

        @Test
        void everyFiredRuleIsRecordedWithTheDecisionLast() {
            TriageDecision d = classify("The engineer never turned up and my 90 year old mum sat in the cold all day");
            assertThat(rules(d)).contains("missed-appointment", "vulnerability-age");
            assertThat(rules(d)).last().isEqualTo("class-decision");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "?", "🙂🙂", "hello", "The stairwell light is out", "thanks"})
        void everyDecisionHasAtLeastOneReason(String text) {
            TriageDecision d = classify(text);
            assertThat(d.reasons()).as(text).isNotEmpty();
            assertThat(d.caseClass()).isNotNull();
        }

        @Test
        void theSubjectLineCounts() {
            TriageDecision d = triage.classify(new TriageInput("See attached.", "Formal complaint - missed repairs",
                    "email", false, null));
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        }
    }
    @Nested
    class Welsh {

        @Test
        void aWelshFaultReportIsAServiceRequestWithItsHazard() {
            TriageDecision d = classify("Mae'r larwm carbon monocsid yn canu yn y gegin ers hanner awr");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(d.hazardKinds()).containsExactly("carbon_monoxide");
        }

        @Test
        void aWelshComplaintIsRecognisedWithoutCircumflexes() {
            TriageDecision d = classify("Dw i wedi ffonio tair gwaith am y drws cefn a does neb wedi dod. Dydy hyn ddim yn ddigon da");
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).contains("service-criticism");
        }

        @Test
        void aWelshStageTwoRequestIsAnEscalation() {
            TriageDecision d = classify("Ges i ateb i fy nghwyn wythnos diwethaf. Dw i ddim yn cytuno, hoffwn fynd ymlaen i gam 2");
            assertThat(d.caseClass()).isEqualTo(CaseClass.ESCALATION);
        }

        @Test
        void welshAndEnglishMixedUseBothLists() {
            TriageDecision d = classify("Helo, mae'r toilet wedi blocio and it's overflowing onto the floor, plis help");
            assertThat(d.hazard()).isTrue();
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @Test
        void aWelshSignOffIsNotPraise() {
            TriageDecision d = classify("Mae'r golau ar y landin wedi torri. Diolch");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).doesNotContain("thanks-or-praise");
        }

        @Test
        void welshWordsAreNotRespeltAsTextSpeak() {
            TriageDecision d = classify("Does dim gwres yn y tŷ ac mae fy mam yn 88 oed");
            assertThat(d.reasons()).extracting(Reason::explanation).noneMatch(e -> e.contains("thank you"));
            assertThat(d.hazardKinds()).contains("no_heating");
            assertThat(d.vulnerability()).isTrue();
        }

        @Test
        void aWelshHouseIsNotThanks() {
            TriageDecision d = classify("Mae'r gwres canolog wedi stopio. Mae'n oer iawn yn y tŷ");
            assertThat(rules(d)).doesNotContain("thanks-or-praise");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @Test
        void englishTextIsNotReadWithTheWelshLists() {
            assertThat(classify("The tan fence panel has blown over").hazard()).isFalse();
        }
    }

    @Nested
    class TextSpeakTyposAndEmoji {

        @ParameterizedTest
        @ValueSource(strings = {
                "no1 cum 2 fix the boiler AGAIN, waitd in all day 4 nothing",
                "recieved ur responce, very dissapointed, the plumer never come",
                "3rd time ive had 2 ring abt this leak ffs",
                "omg u lot r useless 😡 wk 4 of no hot water"})
        void dissatisfactionInTextSpeakIsAComplaint(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.COMPLAINT);
        }

        @Test
        void thanksWithEmojiIsACompliment() {
            assertThat(classify("ty sooo much 4 sortin my door 🙏🙏 ur a star").caseClass()).isEqualTo(CaseClass.COMPLIMENT);
        }

        @Test
        void anAngryFirstReportWithEmojiIsStillAServiceRequest() {
            assertThat(classify("🤬 the kitchen tap has snapped off and water is everywhere pls send sum1").caseClass())
                    .isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @Test
        void aMisspeltNeighbourIsStillANeighbour() {
            assertThat(classify("my nieghbour plays loud music every night till 4am can u do something").caseClass())
                    .isEqualTo(CaseClass.SERVICE_REQUEST);
        }
    }

    @Nested
    class DecisionFields {

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "there's a strong smell of gas on the stairs; gas",
                "the CO detector is beeping non stop; carbon_monoxide",
                "the socket is sparking and there's a burning smell; electrical",
                "water is dripping out of the ceiling light; water_electrics",
                "the toilet is overflowing with sewage; sewage",
                "the back door was kicked in and won't lock; insecure",
                "my dad is stuck in the lift between floors; trapped",
                // Said another way: understated, misspelt, in a staff note, in Welsh.
                "someone forced the back door last night and it can no longer be locked; insecure",
                "still waiting on a date for replacing the bedroom window, which does not close or lock, ground floor flat;"
                        + " insecure",
                "Reported my front door weeks ago. It still does not lock, I put a chair under the handle at night; insecure",
                "Mae'r drws cefn wedi torri ers wythnos. Dal dim clo ar y drws ac rwy'n ofnus yn y nos; insecure",
                "the shower tray fills up with dirty brown water every time the toilet is flushed; sewage",
                "my partner is 6 months pregnant and there is mould all over the wall behind the cot; damp_mould",
                "the alarm in the hall, the CO one, has gone off three times today; carbon_monoxide",
                "the boilers packed in and my nan is 90 and it's freezing; no_heating",
                "lift alarm call: a man trapped between floors 6 and 7 at Elm Court; trapped",
                "the detector with CO on it keeps screaming in the hallway; carbon_monoxide",
                "the locksmith never came back and Mum can't lock her front door; insecure",
                "a step on the stairs has come loose and I nearly went flying; structural",
                "still no heating, minus two outside and the kids are under 5; no_heating",
                "Mae'r drws cefn wedi chwyddo. Dwi ddim yn gallu ei gloi o gwbl; insecure",
                "my dad has been without heating for four days in this cold and he is 81; no_heating",
                "the light on the landing is hanging off the ceiling on its wires; electrical",
                "someone set the bins alight and the stairwell filled with smoke; fire",
                "new back door fitted but there's no lock on it, we're wedging a chair under it; insecure",
                "the police forced the door on Monday and it is held shut with a bungee cord; insecure",
                "the socket by the bed gets really hot and there's a smell like hot plastic; electrical",
                "a big chunk broke off the balcony edge onto the car park; structural",
                "Mae darn o'r nenfwd newydd ddisgyn i mewn i'r bath; structural",
                "the kids' window on the 6th floor can't be closed or locked since it dropped on its hinges; insecure",
                "next door's builder knocked a hole through the wall, the lounge is open to their site; insecure",
                "wtr pourin thru kitchn ceilin; water_electrics",
                "bit of a gassy smell in the kitchen, prob nothing; gas",
                "the balcony railing still moves several inches when you lean on it; structural"})
        void hazardKindsSayWhatToDoNow(String text, String kind) {
            TriageDecision d = classify(text);
            assertThat(d.hazard()).as(text).isTrue();
            assertThat(d.hazardKinds()).as(text).contains(kind);
        }

        @Test
        void noHazardNoKinds() {
            assertThat(classify("the hall light bulb has gone").hazardKinds()).isEmpty();
        }

        @Test
        void dampAndMouldStartsTheClockWithOrWithoutHarmToHealth() {
            TriageDecision mild = classify("there's black mould coming through on the bedroom wall");
            assertThat(mild.dampAndMould()).isTrue();
            assertThat(mild.hazard()).isFalse();
            TriageDecision harmful = classify("black mould in my son's room and his asthma is getting worse");
            assertThat(harmful.dampAndMould()).isTrue();
            assertThat(harmful.hazardKinds()).contains("damp_mould");
        }

        @Test
        void mouldThatWasDealtWithOrAQuestionAboutItDoesNotStartTheClock() {
            assertThat(classify("Thank you for treating the mould in the bathroom so quickly").dampAndMould()).isFalse();
            assertThat(classify("how do I stop condensation on my windows in winter?").dampAndMould()).isFalse();
        }

        @Test
        void aSurveyReplyIsMarkedSoTheAcknowledgementSaysHowToComplain() {
            TriageDecision d = classify("Survey response: the repair was slow and nobody called back");
            assertThat(d.surveyRemark()).isTrue();
            assertThat(d.caseClass()).isEqualTo(CaseClass.ENQUIRY);
            assertThat(classify("the repair was slow and nobody called back").surveyRemark()).isFalse();
        }

        @Test
        void theOriginalComponentsKeepTheirMeaning() {
            TriageDecision d = new TriageDecision(CaseClass.ENQUIRY, false, false, false, null, true, List.of());
            assertThat(d.hazardKinds()).isEmpty();
            assertThat(d.dampAndMould()).isFalse();
            assertThat(d.surveyRemark()).isFalse();
        }
    }
    /** Ways of saying it that the first rules missed: a door that "can no longer be locked", a relative on the phone. */
    @Nested
    class SaidAnotherWay {

        @Test
        void aFixClaimedButDisputedLeavesTheHazardStanding() {
            assertThat(classify("Your letter says the leak was fixed in May but water still comes through the"
                    + " bathroom ceiling light").hazardKinds()).contains("water_electrics");
            assertThat(classify("The leak through the ceiling light was fixed in May, thank you").hazard()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Thank you to the plumber who came out at midnight when water was pouring through my ceiling light",
                "Last March part of the kitchen ceiling came down; your team were brilliant and it was all redone",
                "a small patch of mould is just starting on the window seal, we have a new baby so can someone advise"})
        void pastOrSlightIsNotAHazardNow(String text) {
            assertThat(classify(text).hazard()).as(text).isFalse();
        }

        /**
         * No rule reads a gas smell fixed a month ago as live. The hazard model weighs "smell of gas" heavily and
         * does not read "which your engineer fixed": it scored this line -1.40 learnt from 34,004 examples, -0.95
         * from 34,644 and -1.28 from 35,284, against a threshold of -1.0 - so as examples are added it may ask staff
         * to check, as a check, with no hazard kind and no gas advice to the resident.
         */
        @Test
        void aGasSmellFixedAMonthAgoIsNoDangerToTheRulesAndTheModelOnlyAsksForACheck() {
            TriageDecision d = classify("I had a smell of gas a month ago which your engineer fixed. Do I need a new cooker?");
            assertThat(d.hazardKinds()).isEmpty();
            if (d.hazard()) {
                assertThat(d.reasons()).filteredOn(r -> r.rule().equals(Triage.HAZARD_MODEL_RULE)).singleElement()
                        .satisfies(r -> assertThat(r.explanation()).contains("no hazard rule fired")
                                .contains("check whether it needs making safe"));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "I'm worried about my daughter at night because the window won't shut",
                "My mum lives with me and she is 84 and the heating keeps cutting out"})
        void aTenantSpeakingOfTheirOwnHouseholdIsNotARepresentative(String text) {
            assertThat(classify(text).representative()).as(text).isFalse();
        }

        @Test
        void aCouncillorsConstituentIsTheCouncillors() {
            TriageDecision d = classify("I am writing for my constituent Mrs Bell about her damp. Cllr Ann Price");
            assertThat(d.representativeRole()).isEqualTo("councillor");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the late Mrs Ives's keys: when must they be back?",
                "As executors of the estate, may we have the final rent figure?",
                "Her ex partner smashed the front door and she is staying with her sister",
                "he is not steady on his feet and the path is broken",
                "I'm finding the stairs harder every week, is there anything smaller?"})
        void vulnerabilityFromCircumstances(String text) {
            assertThat(classify(text).vulnerability()).as(text).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "my mum's toilet's coming back up into the shower tray",
                "got home and the kitchen ceiling is on the floor, plasterboard all over the worktops",
                "the contractor took our smoke alarm down to paint and never put it back, so we have no smoke alarm",
                "the glazier left the lounge with no glass in it overnight, ground floor, just cardboard taped over",
                "Dad is stuck on the stairlift halfway up and can't get off",
                "there's a damp patch on the lounge ceiling below the shower and it's dripping onto the carpet"})
        void hazardsSaidPlainly(String text) {
            assertThat(classify(text).hazard()).as(text).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The lock on the bin store door is broken and the door won't shut",
                "the stairlift stopped halfway up yesterday, can an engineer come?",
                "the scaffold has a board across the window and I can't open my curtains"})
        void nearMissesAreNotHazards(String text) {
            assertThat(classify(text).hazard()).as(text).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the surveyor said the parts were ordered. now you're saying 8 weeks. which is it",
                "A housing officer made a racist comment to my husband when he came to the door",
                "I've been told my succession application was lost. I sent it in March",
                "I paid the rent in full on Monday and have the bank statement, then got a letter saying I owe £300",
                "the stairwell has not been cleaned for five weeks even though we pay for it",
                "the engineer promised the new boiler within days. its now three weeks and I'm using a fan heater",
                "the website repairs form keeps crashing and the phone line has been engaged all morning",
                "The inspector told me the mould is condensation from drying washing. It is coming through the wall",
                "left a card saying you called at 10. I was sat by the door all morning and nobody knocked",
                "please don't send that electrician again, the light he fixed on Monday now trips the whole house",
                "the damp officer said it's because we don't open the windows. We do, every day",
                "The communal lift has been out of order six weeks and nobody will say when it will be working",
                "my rent statement was sent to next door and they opened it",
                "Surveyor was in and out in ten minutes and never looked at the bedroom ceiling"})
        void dissatisfactionWithTheServiceIsAComplaint(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.COMPLAINT);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Letter from Mr Bryce, 3 Ash Close. Asks for the hedge at the front to be trimmed back from the path",
                "Adaptation request\nMy husband has had a stroke and we need a level access shower fitted downstairs",
                "Tel: Ms Hart. The dog in the flat below barks all day while they are at work. First report"})
        void requestsRecordedByStaffOrOnFormsAreRequests(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @Test
        void aSuggestionHeadedAsOneIsAnEnquiry() {
            assertThat(classify("Suggestion: could you put a litter bin by the play area on the estate?").caseClass())
                    .isEqualTo(CaseClass.ENQUIRY);
        }

        @Test
        void staffRecordingThanksIsACompliment() {
            assertThat(classify("Mr Shah called in to thank the gas engineer who stayed late to get his heating going")
                    .caseClass()).isEqualTo(CaseClass.COMPLIMENT);
        }

        @Test
        void choosingComplaintOnAFormIsAComplaint() {
            assertThat(classify("Complaint type: Charges\nDetails: I was charged for a fob that your new system broke")
                    .caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(classify("Complaint type: Noise\nDetails: the neighbours play loud music every night")
                    .caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "you closed my complaint without asking me. I'm not happy. reopen it and get a manager on it",
                "Your answer did not deal with the points I raised. I want someone senior to look at this again"})
        void escalationWithoutSayingStageTwo(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.ESCALATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Call from Mr Pye re complaint response of 4 June: it only covers the window, not the damp he raised",
                "the complaints officer rang and said my case is closed. I never agreed it was sorted"})
        void anAnswerThatMissedThePointIsAnEscalation(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.ESCALATION);
        }

        @Test
        void aCarAcrossTheDriveIsANeighbourMatterNotSomeoneTrapped() {
            TriageDecision d = classify("the man at no. 9 parks his van across my drive every morning so I can't get out");
            assertThat(d.hazard()).isFalse();
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @Test
        void askingInWelshForTheComplaintToBeReviewedIsAnEscalation() {
            assertThat(classify("Diolch am eich llythyr ond nid yw'n datrys dim. Rwyf am i'r gŵyn gael ei hadolygu gan"
                    + " uwch reolwr").caseClass()).isEqualTo(CaseClass.ESCALATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Ymateb i fy nghwyn ddim yn dderbyniol. Dw i eisiau i rywun arall edrych arno fe",
                "The complaints team said my complaint is closed. It's not resolved, I want someone else to look again",
                "complaint response was a copy and paste job, want someone else to look at it pls",
                "Escalation request\nRef: 4411\nThe £20 offered does not cover what I lost. Please review."})
        void moreWaysOfAskingForTheAnswerToBeReviewed(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.ESCALATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the detector in the hall keeps going off and we've all got headaches, what should we do",
                "electrician said the cut out is cracked and there are signs of overheating on the meter tails",
                "the lights in the back bedroom trip every time it rains",
                "water pouring out of the light fitting in the bathroom",
                "the window restrictor in my son's room on the 5th floor is snapped",
                "mould all over the bedroom wall and I'm on chemotherapy"})
        void hazardsSaidIndirectly(String text) {
            assertThat(classify(text).hazard()).as(text).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Mr Dale rang for his father, who is 91 and cannot hear on the phone. Heating off since Sunday|family",
                "Hi, I'm Sue, Mrs Ann Reid's daughter. Mum's bath tap has been dripping for a week|family",
                "My dad has lived in his bungalow thirty years and your officer told him he has to move|family",
                "Call from Mr Abbas on behalf of his friend Mr Khan, who does not speak English. Toilet leaking|friend",
                "I have assessed your tenant for a stair rail and she has consented to this referral. Community OT|other"})
        void someoneActingForTheTenant(String text, String role) {
            assertThat(classify(text).representativeRole()).as(text).isEqualTo(role);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "forty minutes on hold to report a blocked drain and then the line went dead",
                "your plasterer was smoking in my kitchen all afternoon",
                "Got the manager's reply to my complaint. It still says nothing about the damage. Who's above him?"})
        void dissatisfactionSaidIndirectly(String text) {
            assertThat(classify(text).caseClass()).as(text).isNotIn(CaseClass.SERVICE_REQUEST, CaseClass.ENQUIRY,
                    CaseClass.COMPLIMENT);
        }

        @Test
        void aSurveyCommentWhereTheTenantDeclinedToComplainIsNotAComplaint() {
            assertThat(classify("Survey call, 4 Elm Row. Scored the caretaking 3/10. Tenant declined the offer to"
                    + " make a complaint.").caseClass()).isNotEqualTo(CaseClass.COMPLAINT);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "the kitchen fitters sanded the artex on the ceiling and there's dust everywhere; asbestos",
                "My ex has still got keys to the flat and he was arrested for assaulting me on Friday; insecure",
                "I'm her IDVA. Following the assault at the weekend please arrange an urgent lock change; insecure",
                "Dad has dementia and keeps leaving the gas hob on unlit, please can it be capped; gas",
                "the lads from the end house set fire to the bins against my back wall; fire",
                "Neighbour rang: tenant at no. 4 not seen for two weeks, curtains shut, post piling up; trapped"})
        void hazardsFromTheCircumstances(String text, String kind) {
            assertThat(classify(text).hazardKinds()).as(text).contains(kind);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "we had an asbestos survey last year and the report said the loft was fine",
                "Thank you for getting the locks changed so quickly after I fled domestic abuse"})
        void asbestosNamedOrAbuseOverAreNotHazards(String text) {
            assertThat(classify(text).hazard()).as(text).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Hello, I'm a district nurse with the community team. Your tenant Mrs Gray can't manage her bath",
                "I support Kyle Reed at Flat 2 through Pathways Mental Health Service and he has asked me to write"})
        void professionalsWritingAboutATenant(String text) {
            assertThat(classify(text).representative()).as(text).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "Tel: Mrs J. Ross (daughter, consent on file) for tenant Mr A. Ross, 3 Mill Lane. Boiler off; family",
                "Tel: Mr Ben Cole (friend) for tenant Ms Amy Dean, 9 Elm Ct, who is in hospital; friend",
                "Tel: District nurse (R. Khan) for tenant Mr Paul Ives, 4 Ash Row. Bath seal leaking; other"})
        void whoRangForTheTenantInStaffShorthand(String text, String role) {
            assertThat(classify(text).representativeRole()).as(text).isEqualTo(role);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "The fire door on the 5th floor landing has been propped open with a chair for a fortnight",
                "the fire alarm panel by the entrance has been showing a fault for weeks"})
        void fireSafetyFailingInABlockIsAHazard(String text) {
            assertThat(classify(text).hazardKinds()).as(text).contains("fire");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the log burner keeps blowing smoke back into the lounge when the wind is up",
                "the chimney pot is hanging off right over the path to the front door",
                "the drain cover by the back step has cracked and sunk, the kids play out there",
                "a tree has come down on my garage roof in the night",
                "the kitchen floor is covered in dirty water and toilet paper from the drain",
                "My complaint was about your office giving my ex a key. He has a court order against him."})
        void moreHazardsSaidInPassing(String text) {
            assertThat(classify(text).hazard()).as(text).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "Name: Jo Hart\\nRelationship to tenant: Daughter\\nDetails: mum's bath panel has come off; family",
                "Relationship to tenant: Interpreter\\nTenant Mr Ali says the heating is off; other",
                "Hi it's Dan, Kerry's brother. Kerry at 4 Lark Row has no credit; family"})
        void moreWaysOfSayingWhoIsWriting(String text, String role) {
            assertThat(classify(text.replace("\\n", "\n")).representativeRole()).as(text).isEqualTo(role);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "can someone explain how a priority repair takes five weeks",
                "why do I have to ring four times to get a gas service booked",
                "You fitted a wet room with a lip I can't get my chair over and nobody checked. Who signed this off?"})
        void pointedQuestionsAreComplaints(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.COMPLAINT);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the decorators painted over the smoke alarm on the landing and now it doesn't beep when I press test",
                "someone threw a cigarette off the balcony above and my doormat was smouldering",
                "the basement has flooded and the water is up to the electric meter cupboard",
                "no heating in the block since Saturday and my neighbour is 86, sat in her coat",
                "the fire escape corridor on the 2nd floor is blocked with ladders and paint tins",
                "they took the lock off the back door to fit the frame and it hasn't been put back, we're jamming it shut with a chair",
                "The gas fire was capped yesterday. It's my only heating so I'm in the lounge with two blankets. I'm 88."})
        void yetMoreHazards(String text) {
            assertThat(classify(text).hazard()).as(text).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "I have ME and can't stand for long, so please send someone who can do it in one visit",
                "Call from Mrs R. Hale, 88, flat 9 Mill House: the warden call took an hour to answer",
                "Mum couldn't manage the stairs while the lift was out",
                "my cousin's English is limited so I am writing this for her",
                "I shall be 91 next month and the path is uneven",
                "the bath seat is broken, 80 odd he is",
                "he's been in the Royal since Sunday after a stroke",
                "thanks for getting me moved so fast after everything with my ex",
                "DA lead informed and locks to be changed today",
                "his English is not so good so I write for him",
                "she reads Urdu much better than English, can the letter be translated",
                "the fitters who adapted his bathroom were brilliant with him",
                "carers come four times a day and cannot get in with the door entry broken",
                "her chest is getting worse with the mould",
                "my son has been wheezing every night since the damp came back",
                "since I left my ex I have not felt safe in the flat",
                "I'm sorting out my late mum's tenancy",
                "her ex-partner still has a key and let himself in last night",
                "the back window was smashed by her ex on Sunday",
                "my sister's husband is violent and she needs to move",
                "you sent the letter to the flat I left because of my ex",
                "T says the officer ignored her DA history",
                "the support worker says he is going into rehab next month",
                "MH deteriorating since the visit",
                "she has struggled since losing her husband",
                "Caller is the daughter of the tenant who died last month",
                "the care agency visit Mrs Hill at 4 Birch Lane four times a day",
                "she is ninety this year and the heating is off",
                "mae Nain yn wyth deg pump oed",
                "hot water finish 4 day, house very cold, small one 5 month",
                "my English little, please write simple",
                "I use translate app for this message",
                "they dug up the roses my husband planted before he passed",
                "gardeners flattened my sons memorial bench flowers, he passed in april",
                "Sut dwi'n gofyn am reilen yn y bath? Mae gen i MS",
                "He cant get in the bath with his hip, he needs a shower",
                "my daughter is wheezing every night with the mould",
                "I've got ME and I can't keep ringing you",
                "Dad's had a couple of falls on the stairs",
                "it was her dad's, he only passed in the summer",
                "Mr Hale is too anxious to use the phone, please write to him",
                "Mae'n anodd i fi gerdded ers y llawdriniaeth ar fy nghlun",
                "I have a stammer and the woman on the desk kept finishing my sentences",
                "my ex keeps turning up, there's a non-mol and the police know",
                "Ms T. (DA marker) rang from a friend's phone",
                "the mould is all over the wall behind the cot. She's 7 months.",
                "the lift is broken again and I'm on the 5th floor with my walker",
                "Advocate rang about Mrs Hughes, who has become confused lately and isn't managing her money",
                "I'm Ben, Mr Farouk's support worker at Mind",
                "the lady across from me is 91 and sat in her coat",
                "she's got the twins who are 6 months",
                "I can't get in the bath without my husband lifting me",
                "my ex found my address and has been outside twice"})
        void vulnerabilityInFewWords(String text) {
            assertThat(classify(text).vulnerability()).as(text).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "3rd time messaging about the blocked bin chute, bags everywhere",
                "you said you'd ring me back yesterday about the rats. nobody did",
                "the plumber has left it so the toilet won't flush at all now",
                "your staff keep saying it's the council's job. it's your car park"})
        void moreDissatisfactionWithTheService(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.COMPLAINT);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "T/C from Mrs B. Akande's son, Mrs Akande on speaker. Bathroom fan not working; family",
                "Letter from Mr Kowal, 3 Elm St, written in English by his daughter: the window still leaks; family",
                "my mum Joan Reid, 12 Mill Road. She rang me to say the boiler is off again; family",
                "Call from carer (Bluebird Care) at Mr T. Hale, 5 Ash Row: the stairlift has stopped; support_worker"})
        void stillMoreWaysOfSayingWhoIsWriting(String text, String role) {
            assertThat(classify(text).representativeRole()).as(text).isEqualTo(role);
        }

        @Test
        void aNeighbourGettingMyArrearsLetterIsAComplaint() {
            assertThat(classify("why has the family next door got a letter about my rent arrears? everyone knows now")
                    .caseClass()).isEqualTo(CaseClass.COMPLAINT);
        }

        @Test
        void askingHowToGetWorkDoneIsARequest() {
            assertThat(classify("My physio thinks I need a rail by the back door. How do I go about getting one put"
                    + " in?").caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @Test
        void ourClientIsHowASolicitorsLetterNamesTheTenant() {
            assertThat(classify("Dear Sirs, our client Mrs Ward has reported damp in the rear bedroom since March")
                    .representativeRole()).isEqualTo("solicitor");
        }

        @Test
        void aCardThankingAnOfficerIsACompliment() {
            assertThat(classify("Card in the post from Mrs Lowe thanking repairs officer Dan Pike for sorting her"
                    + " boiler so quickly").caseClass()).isEqualTo(CaseClass.COMPLIMENT);
        }

        @Test
        void writingToComplainInWelshIsAComplaint() {
            assertThat(classify("Rwy'n ysgrifennu i gwyno am y contractwr a adawodd lanast yn yr ardd").caseClass())
                    .isEqualTo(CaseClass.COMPLAINT);
        }
    }

    /**
     * Staff shorthand for who rang, relatives named in passing, dangers where people walk, outcomes welcomed rather
     * than disputed, and what is being asked for in plain words.
     */
    @Nested
    class WhoRangAndWhereItHurts {

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "Call from dtr (Ms A. Byrne) re mother Mrs J. Byrne, 3 Oak Row. Toilet not flushing; family",
                "Caller (nephew, Mr K. Shah) rang re uncle at 14 Ivy Court: back gate hanging off; family",
                "Email from grandson of Mr P. Lowe asking when the fence panel will be replaced; family",
                "Caller: Mr Tom Reid (son). Relationship: son, tenant present. Bath panel loose; family",
                "Relationship: granddaughter (on consent list). Nan's kitchen drawer is broken; family",
                "hiya my nan's wondering if you still do the free garden tidy for pensioners; family",
                "Call from hospital SW re tenant Mr D. Pratt, admitted last week, asking about rent while in; support_worker",
                "Call from crisis team worker re tenant Ms L. Fox: the front door was damaged last night; support_worker",
                "I'm a carer from Sunrise Homecare visiting Mrs Hill. Her bath tap drips constantly; support_worker",
                "Not a tenant myself but my friend Jo is, flat 6. Her intercom has stopped working; friend",
                "I help my friend Alf at number 9 with his shopping. His path light has been out for a week; friend",
                "I'm Kerry's ex, the kids live with her at no. 5 and their bedroom window won't open; other",
                "I am writing at the request of Mr Omar Said, for whom I interpret, about a missed visit; other",
                "Caller (Revd P. Jones) rang for parishioner Mrs E. Lloyd: her gutter is leaking; other",
                "I'm writing on my mother's behalf about the damp in her back bedroom; family",
                "hello my dad ask me: where he send the form for the parking permit?; family",
                "hiya, Nan's at no 12 Bryn Road and her kitchen tap won't turn off; family",
                "thanks to the plumber who came out to my mum's on Sunday, lovely man; family",
                "Mr Pascoe rang about his mother at 11 Trelan Bungalows: the fan job was closed but nobody came; family",
                "can someone look at my nan's back gate, it's off its hinges. 6 Mill Lane; family",
                "my sister's back door won't shut, she's at 17 Mill Lane; family",
                "do you have any smaller flats? my dad's one of your tenants and needs to downsize; family",
                "I'm writing about my brother, who is the tenant at 2 Spinners Walk. His lock snapped and he's staying at mine; family",
                "Call from police: officers attended 3 Marsh Lane after a break-in, tenant agreed to her details being passed on; other",
                "Scheme warden reports that Mrs Nance in flat 4 has pulled her pendant alarm; other",
                "day three with no heating at my dad's now, he's 80 and it's icy; family",
                "my son has autism and lives on his own at flat 3 Bell Court. His rent letter confused him; family",
                "the fitters at my daughter Amy's flat left the back door unlocked overnight; family",
                "my gran is in sheltered housing at Elm Court and the pull cord in her bathroom is tied up; family",
                "you moved my nan into a second floor flat with no lift and she can't get out; family",
                "my dad keeps saying the boiler is making a noise, I've just gone round and it's banging; family",
                "Dr Shah rang with the consent of her patient, Mr Lowe, about his damp bedroom; other",
                "interpreter from Language Line relaying a call from Mrs Abdi about her broken intercom; other",
                "I look after my sister Jean at 8 Kiln Lane most days and her bath taps have seized; family",
                "Call from Mr Dev Rao re his mother Mrs K. Rao, 2 Tern Court: no hot water since yesterday; family",
                "Tel - Aisha (dtr) on behalf of mum Mrs F. Khan, 5 Reed St. Toilet cistern cracked; family",
                "who do I ring now about my dad's rent account? the number on his letter is dead; family",
                "my gran got a letter from you this morning saying her rent has gone up, what does it mean?; family",
                "Home visit at 9 Loom Street. Tenant Mr Hale is very deaf, his daughter was present and asked for a flashing doorbell; family",
                "my nan is really upset, the gardeners dug up her roses; family",
                "my son is writing this for me. The kitchen window will not open; family",
                "many thanks for the electrics done so quick at my uncle's, he is very happy; family",
                "you keep ringing him even though we told you he can't hear on the phone, please write to my grandad; family",
                "my aunt's in one of your bungalows on Ash Walk and her path is flooded again; family",
                "Reporting for my brother at 3 Weir Road, the bedroom light switch is hanging off the wall; family",
                "I'm round at my mate Dan's, he's got a leak under the sink and no phone credit; friend",
                "my friend is typing this for me. I want to ask about my rent; friend",
                "Call from PC Hart, Thames Valley Police, re tenant Mr O. Vance: front door damaged during an arrest; other",
                "Call from Dr Lee at the health centre about patient Mrs Ward, 4 Moor Rise, who is on oxygen; other",
                "Ffoniodd y trydanwr ddoe i dŷ Nain, roedd o'n ardderchog, diolch; family",
                "Mum's place at 9 Finch Row - the fitter never came back to finish the rail; family",
                "the boiler's died at grans, no hot water and she's 88; family",
                "please thank the lad who put in Dad's wet room, he was so patient; family",
                "I got your reply about my father's stairlift and I am not happy with it. Anna Price (daughter, consent on file); family",
                "my taid rang you on Monday about his gutter and nobody has been; family",
                "its Leon, Kayla's boyfriend (3 Moss Lane), her shower has packed up; family",
                "Neighbour Mrs Dee Hall (no. 4) rang re T at no. 6, Mr Pike: his kitchen tap is running and he can't turn it off; other",
                "Call from PC 2210 Ahmed re T Ms J. Price, 7 Vale Rd: back door forced during a burglary; other",
                "Dr Cole rang on behalf of pt/T Mrs A. Frost about the damp in her bedroom; other",
                "a friend of mine has had water through her bathroom ceiling for a week and nobody has come; friend",
                "Sian in your office was so patient with my nan on the phone today, thank you; family",
                "my dad wants to swap his 3 bed for a bungalow, how does he apply?; family",
                "do you help with hedges? my gran can't manage hers any more; family",
                "the painters broke my mum's vase and said nothing, she was upset when I got there; family",
                "my neighbour Stan at no.7 asked me to send this as he has no computer, his gutter is hanging off; other",
                "Rwy'n weithiwr cymorth i Mrs Jones, 3 Heol Las, ac mae ei boeler wedi torri; support_worker",
                "whenever I ring repairs for my dad I get cut off; family",
                "why has my nan been charged for a missed visit when she was in all day?; family",
                "my mum's on the 12th floor and the lift has been out since Sunday; family",
                "the plumber came to look at the toilet at my grans and just left it leaking; family",
                "Mr Ali rang about his sister Mrs R. Begum, 4 Fern Court: her door entry phone is dead; family",
                "Call from Leah Cox, carer (Home Instead) for Mrs May Platt: the hall light flickers; support_worker",
                "Call from Ms Hart of Rowe Legal, who act for tenant Mr J. Penn, asking for his repair records; solicitor",
                "Call from Watch Manager at Eastside Fire Station: crew attended 5 Pine Ct, tenant's cooker unsafe; other",
                "Sending this for Ivy at 12 Oak Road as she is not online - her bath panel has come off; other",
                "I write as the vicar of St Anne's for Mr Ross, who has asked me to help with his rent letter; other",
                "the lift at my mum's block is out again, third time this month; family",
                "my brother's toilet keeps blocking, he's at 6 Fern Way; family",
                "do you fit key safes? my grandad keeps asking; family",
                "my dad can't use the online booking for his repair, he has no smartphone; family",
                "I'm worried about my neighbour Mrs Lane at no. 3, her heating has been off for days and she's 90; other",
                "Oakdale Floating Support rang for tenant Mr Grey: his kitchen window won't shut; support_worker",
                "Call from Mr P. Rao's carer: the bathroom pull cord has snapped; other",
                "I'm emailing for Doris at 9 Mill Lane as she isn't online, her gutter is hanging off; other",
                "my friend Tomas at 3 Quay Street can't read English well and got a letter about his rent; friend",
                "Re: Mrs Ann Pike, 4 Ash Road. I am Mrs Pike's GP and the mould in her flat is affecting her chest; other",
                "Call with Mr Haq, daughter interpreting: the bathroom fan has stopped; family",
                "my grandad's been without hot water since Monday and nobody has rung him back; family",
                "my daughter's complaint about her kitchen was ignored and she wants it reviewed; family",
                "my mum is moving into one of your sheltered flats next month, can she bring her cat?; family",
                "Ms Lee rang to ask how her mother (tenant Mrs J. Lee) can get a key safe fitted; family",
                "I act as my uncle's appointee, he cannot deal with his post and you have charged him for a new door; family",
                "the pull cord in the hall has been broken since August. Sue (her daughter, I have LPA); family",
                "Gran asked me to email as she can't use a computer, her radiator is cold; family",
                "my brother has been without hot water since the weekend and he's disabled; family",
                "my nan lives on the 6th floor and the lift has been broken for a fortnight; family",
                "Darren here, Pat's grandson. The shower at her bungalow leaks; family",
                "hi its Mel, Donna's mate from number 9, her electric has tripped and won't reset; friend",
                "she asked me to post this for her as she has no internet, her bath tap won't turn off; other",
                "the warden at the day centre asked me to report it for him, his hall light is out; other",
                "Voicemail from Mrs Shah (befriending volunteer) re tenant Mr P. Lowe: front gate hanging off; other",
                "I am writing as secretary of the Brook Estate tenants association about the broken play area; other",
                "Referral from the hospital OT team: key safe and rails needed before Mr Bond is discharged; other",
                "Dean (support wkr) rang for T about the black mould in the bedroom; support_worker",
                "Oes modd cael cawod newydd i Nain? Hi ydy'r tenant ac mae hi'n 90; family",
                "the new ramp at mum's is lovely, she can get the wheelchair out now; family",
                "my grandma is 91 and lives at Willow Lodge, her buzzer has stopped working; family",
                "My father died on Sunday. He was your tenant at 8 Mill Row and I need to know about the keys; family",
                "Letter from T's daughter (lives in Leeds), consent enclosed, asking why the fence was never fixed; family",
                "District nurse rang w/ T consent re Mr Pryce: leg ulcer, needs the step at his back door made level; other",
                "Police emailed: T Mrs Fox at 4 Birch Rd had her door kicked in overnight; other",
                "I'm from the food bank on Mill Street, one of the families we help has no cooker; other",
                "Cllr's caseworker emailed asking when the Elm Court lift will be back; councillor",
                "Carer rang from T's flat, T in bed and unwell, no hot water since Friday; support_worker",
                "My brother uses a wheelchair. The lift at Kestrel House is out again and he's stuck on the 9th floor; family",
                "posting for my nan who isn't on here, she wants to thank the gardeners; family",
                "Call from T's friend Sandra, T present: the bath panel has come off; friend",
                "I write as GP to Mrs June Allen of 3 Reed Way, whose damp bedroom is affecting her lungs; other",
                "Ron at number 6 has no computer so I said I'd email. His gutter is hanging off; other",
                "Neighbour at no. 9 rang: T at no. 11 has not been seen for three days and the post is piling up; other",
                "she asked me to put this on here as she has no internet, her door won't lock; other",
                "Call in from Pat Hollins, SW, Children's Services (Bolton) re T Ms Kaur: the bedroom ceiling is bowing; other",
                "Discharge team (Ward 7) rang re T Mr Oakes, going home Tuesday and needs a rail by the back door; other",
                "Probation officer emailed asking whether T is still at the address; other",
                "texting for Jean at no. 8 as she has no phone, her kitchen tap is spraying everywhere; other",
                "Stella at number 22 asked me to write, her gate has come off its hinges; other",
                "my pal is stuck in the lift at Rowan House right now, the alarm isn't answered; friend",
                "T's son came into the office today (lives in Derby) about her loose stair carpet; family",
                "my gran wanted me to tell you the window fitters were lovely; family",
                "had a letter back about dads complaint, it says nothing about the mould; family",
                "Hi I'm Toni, Mr Reid's carer, his bathroom light keeps tripping the fuse; support_worker",
                "the fitter broke her shower tray. she won't say anything so I'm making one for her; other",
                "me nan's boiler's packed up again and she's 90; family",
                "Dad at 14 Lark Lane has had no hot water since Friday; family",
                "I was round at my nan's when the gas man came, he was lovely with her; family",
                "Gran says they were so polite, she wants to thank the fitters; family",
                "Visit: T attended with her nephew, who interpreted - the bath panel is off; family",
                "Letter received from Dr Shah, GP at Park Surgery, regarding tenant Mr Lowe's damp bedroom; other",
                "Call 02:10 from PC Ellis at 5 Mill Row: the door was forced and won't shut; other",
                "Just passing on thanks from Mrs Dunn at no 4, the window man was great; other",
                "Mr Price came into the office for his friend at 9 Cedar Walk, whose ceiling is leaking; friend",
                "Hi, I'm Jade from the refuge, a family we support moves into 2 Ash Close on Monday; support_worker",
                "Fi yw eu cymydog, maen nhw wedi gofyn i fi gysylltu am y to; other",
                "the mould in Mum's spare bedroom has come back after the paint job; family",
                "about Grandad Ron's bungalow - the back gate has come off; family",
                "my uncle is in Poland till March and asked me to keep an eye, the bathroom tap is running; family",
                "Mum got your letter and asked me to reply as her eyes are bad; other",
                "she's given me her spare key, there's water coming through her ceiling; other",
                "Call from FRS Control: chip pan fire at 3 Elm Row, rear door forced for access; other",
                "Crew Manager P. Owen, South Wales FRS, phoned after a safety visit to Mr Rees - no working smoke alarm; other",
                "Paramedic crew rang from 12 Bank St, T on the floor since last night, house freezing; other",
                "Homelessness officer, Salford CC - our tenant Ms Kay presented tonight, her door was kicked in; other",
                "OT (county council) assessing our tenant Mrs Ahmed next week, asks what we need for a stairlift; other",
                "Practice manager ringing with pt's consent re Mr Ali's level access shower; other",
                "Mrs Lin's niece (interprets for her) asking about the tenancy audit; family",
                "I hold a spare key for Mr Barker at no. 3 and his bath is leaking through to the kitchen; friend",
                "I keep an eye on Irene at no. 22, her back door won't shut since the wind; friend",
                "I walk Mrs Doyle's dog twice a day and her gate is hanging off; other",
                "Mr Quinn whom I visit every Thursday says his heating is off again; other",
                "I rent the box room from Mrs Adeyemi and the ceiling in it is dripping; other",
                "Texting for Lorraine as she has no credit, her toilet won't flush; other",
                "Reg from number 40 asked me to ask when the windows are being done; other",
                "the plumber left my grandad's kitchen flooded and didn't come back; family",
                "Son of the tenant rang about his dad's complaint, still not had a reply; family",
                "Referral from Ana Ruiz, Wellbeing Service, for Mr Tom Pike, 6 Ash Row: no hot water; support_worker",
                "my aunt died last week, she had a tenancy with you in Mill Lane, where do the keys go; family",
                "emailing about my sister's flat, her broken boiler has been reported three times, she is copied in and happy for me to deal with this; family",
                "my mate Dee lives at Orchard Court and her front door has been kicked in; friend",
                "Reception: Mr Ray Kent (friend, not T) asked when T's new fence is going up; other",
                "Hi it's Dave, Rita Lowe's son (flat 4 Elm Ct), her boiler is off again; family",
                "my nan wants to complain about how the office spoke to her; family",
                "I sat in all morning at mum's waiting for the plumber and nobody came; family",
                "Posting this for my taid as he is not on facebook, his door is sticking; family",
                "Ambulance crew called: attended T after a fall, back door forced, needs securing; other",
                "I'm PC Amy Hart from the neighbourhood policing team, Mr Dean has consented to us sharing his details; other",
                "Call from the interpreter booked for Mrs Osei, is Friday's visit still on; other",
                "my grandad's smoke alarm keeps beeping, can someone come; family",
                "thanks for the new boiler at my mum's, the fitter explained it all to her; family",
                "I'm writing with my neighbour Pat's permission, her back gate is hanging off; friend",
                "the old boy at no 3 has had a bucket under his ceiling for weeks, he's too proud to complain so I will; other",
                "Jo here, Sam's brother, his back door won't lock; family",
                "new fence went up today, nan's over the moon; family",
                "my gran at Ash Court has no hot water; family",
                "my neighbour Bill at no. 4 asked me to text you, his light is out; other",
                "my friend at no 14 has dementia, can I help her with the rent form; friend",
                "It's Ana from the recovery service, supporting Dean at 2 Mill St, his toilet is blocked; support_worker",
                "my sis at no 12 has had no hot water since Friday; family",
                "Mae fy nhad yn 91 ac mae'r lifft wedi torri eto; family",
                "our Shaz has been on at me to message you about her boiler; family",
                "me nan had a letter about her repair, she's said I can deal with it for her; family",
                "hello this is, er, Liam's dad, Liam at flat 6, he has had no heating; family",
                "I help out my neighbour Joan at 22 Birch Road, her gutter is hanging off; other",
                "my best friend is one of your tenants and needs a transfer; friend",
                "caseworker from the MP's office rang about Mrs Doyle's transfer; mp",
                "I am the appointed deputy for Mr Khan who lacks capacity; other",
                "Need someone out to 7 Heron Way tonight, his back door's been forced and won't shut. He's in bits, I'm staying with him; other",
                "I went round yesterday and the heating is still off. He's on his own and is 80; other",
                "Can you send someone to 4 Mill Lane, there's water coming through her kitchen ceiling; other",
                "Posting for the old lady at 12 Birch Close as she's not online. She has had no hot water for a week; other",
                "Dw i'n anfon hwn dros Mam yn 3 Heol y Coed, mae'r gwres wedi stopio; family",
                "Mum got your letter about her complaint and she's not happy with it; family",
                "We are instructed by the executors of the late Mrs Hart, 2 Elm Row; solicitor",
                "Call re Mr Ali, 5 Oak St (Mr Ali on speaker, gave consent). He wants his stage 1 answer reviewed; other",
                "Interpreter from the language service rang asking when the visit for Mrs Tran is booked; other",
                "I live opposite Mr Green at 5 Ash Way and I'm messaging as his friend; friend",
                "Rwy'n weithiwr cymorth tenantiaeth i Mr Huws, 3 Stryd Fawr. Mae'r boeler wedi torri ac mae o angen help.; support_worker",
                "Mam fi yn sownd yn y lifft, lle mae hi'n byw; family",
                "Rydym yn gweithredu ar ran Mrs Jones, 4 Heol y Bont; solicitor",
                "My neighbour and good friend Mrs Ray has asked me to chase her repair; friend",
                "This is PC Adams. Attended 4 Dale St re a burglary, back door smashed; other",
                "my mates too shy to post but the housing officer helped her loads; friend",
                "mums carer says your staff were rude to mum on the phone; family",
                "I run the pub next door to your cottages. The tenant's away at her sister's and asked me to let you know the chimney is cracked; other",
                "One of your tenants, Mr Harris, asked me to text as he has no credit; other",
                "Daughter rang - mum (T, 9 Ash Grove) is away, she called in and the back door had been forced; family",
                "thanks for calling my mam back so quick, she was made up; family",
                "you've left my 90 year old grandad with no heating since Friday; family",
                "the lift's been out 2 weeks, my dad uses a frame and he hasnt been out the flat since; family",
                "Call from Mrs J. Hall reporting her neighbour at 22 Mill Lane has not been seen since Sunday; other",
                "Caller (lives at no.8) rang about no.10 next door - water coming out under the door; other",
                "Neighbour & friend Mr Ken Ball rang from T's bungalow, no heating, T is 84; friend",
                "Call from Sunrise Home Care (carer Dawn) - they visit T Mrs Lee 3x daily. Kitchen light out.; support_worker",
                "Could you give us an update on the repairs to her roof? Caseworker, constituency office; mp",
                "I'm helping my neighbour Joan at no.4 with her complaint as she isn't online; other",
                "I live next door to the old gentleman at 9 Elm Row, his kitchen tap has burst; other",
                "just passing on from my best friend in Ash Court - the plumber was brilliant with her; friend",
                "Mams asked me to say thanks to the electrician who came Tuesday; family",
                "Are you still doing gas checks? My dad's one of yours and I'd like his looked at; family",
                "No heating since Monday and Mam is 86, sat in her coat in the kitchen; family",
                "Neighbour Mrs Ann Lowe (no.12) rang to say there's water coming out under the door of no.14 and nobody answers; other",
                "Elin Jones ydw i, gweithiwr cymorth Mr Dafydd Rees, 4 Heol y Bryn. Mae'r gwres wedi torri ers ddoe.; support_worker",
                "Supported living staff, Oak Trust - tenant Mr Paul Gee, Flat 2. His shower cord has snapped.; support_worker",
                "This is from next door to Mrs Lowe at no 9. She's 88. Your men took her sink out and never came back; other",
                "he won't complain so I'm doing it for him, the bath has been out a week; other",
                "Mrs H next door asked me to let you know her back gate won't lock; other",
                "Just been round to Nan's to do her tea and the ceiling light is dripping again; family",
                "popped round to Dad's this morning and the heating's still off; family",
                "Mae Mam (Eirlys Morgan, 4 Maes y Llan) heb wres ers dydd Llun.; family",
                "my mum's fridge socket went bang, she's 79 and lives alone, can you send someone; family",
                "My nan's been without a working stairlift for a month. I've rung 4 times for her.; family",
                "I look in on Mr Shah at 3 Elm Rd most days, his smoke alarm is hanging off the ceiling; friend",
                "Im at my dads now, 86 and still no heating, the engineer never came back; family",
                "Neighbour rang (would not give name) worried about Mrs Ellis at 4 Hill St. Has not seen her for 3 days, TV on loud.; other",
                "Mamgu says the new handrail is great, she'd message herself but she hasn't got a phone; family",
                "Mr O. Nowak called (little English, his son spoke for him). Shower tray cracked.; family",
                "The caretaker always stops to chat with my dad and takes his bins out for him. Please say thanks from all of us; family",
                "explained everything to my mam and even had a cuppa with her, lovely man; family",
                "Oes gynnoch chi rywun sy'n siarad Cymraeg? Mae'n well gan Mam drafod ei thenantiaeth yn Gymraeg.; family",
                "why did ur gardeners strim my mums flower bed, she's had it 15 years; family",
                "My neighbour Mrs Lin at no. 4 doesn't read English well and asked me to find out what her rent letter means; other",
                "My neighbour at 14 Castle Gardens hasn't opened her curtains for 2 days. Can someone come and check on her?; other",
                "I'm the refuge manager at our local Women's Aid. One of our residents asked us to pass on her thanks; support_worker",
                "my son has just rung me from his flat (2 Mill St), smoke coming out of the socket; family",
                "Call from Mr L. Grant. His brother, our tenant at 8 Fern Road, died last week.; family",
                "Ms Reid, Adult Social Care hospital team, rang about Mr Oates who can't go back to his first-floor flat; support_worker",
                "I haven't seen my neighbour Mr Baker at no. 15 for about a week. Could someone check on him?; other",
                "Hi, I'm at Mam's (Mrs Lloyd, Hafod Uchaf). The Rayburn's gone out and it's her only heating.; family",
                "the lads who put the new boiler in at Dad's last week were brilliant; family",
                "Letter received from Brook Lane Surgery (with tenant's signed consent) regarding Mrs Clarke, 19 Vale Road; other",
                "my friend Sue Harris (12 Brook House) has been in hospital 2 weeks, she's said it's fine for me to ask about her rent; friend",
                "Caseworker from the Refugee Council rang with tenant Mr Haidari, consent given; advocate",
                "not my house but the old chap next door (Mr Jenkins, no 11), his kitchen window's been smashed; other",
                "messaging about Ron next door at 23, he's 91 and doesn't do phones; other",
                "My mum is on the 9th floor with a bad hip and the lift's been broke 3 weeks; family",
                "Mr N. Gill (no 10) rang: has not seen Mrs Pickles at no 12 for three days, welfare check requested; other",
                "Hi do you do garden help for older people? My dad's 79 and doesn't drive now.; family",
                "I'd like to compliment the engineer who did my mum's annual service last week; family",
                "Email received from the caseworker at the local MP's office asking for an update on the kitchen at 9 Heol Ddu; mp",
                "my grandad and the other residents are left with a pull cord that took 25 minutes to answer when he fell; family",
                "thank you for moving Mum to the ground-floor flat so quickly; family",
                "pls send someone lift stuck between floors with me nan in it!!; family",
                "Hi its Denise, Pats neighbour at no 7. Pat asked me to text as her phone's broke.; other",
                "I'm Mrs Bell's neighbour at no 7, her heating's been dead since Friday; other",
                "Hello, I support a young man leaving care who has been nominated for one of your flats; support_worker",
                "Caller asked about bungalows - her mother, one of our tenants at 17 Essex Road, is struggling with the stairs; family",
                "Hi it's Kelly, I do Mr Walsh's care calls at 12 Mill Road. Is his bin day changing?; support_worker",
                "ur gardeners left grass cuttings on the ramp again and my mum slipped on them with her walker; family",
                "the lad who came about dads leak was so rude to him; family",
                "My wife's the tenant at 12 Eskdale Drive but she's in hospital on the day of the gas service; family",
                "Caller Mr Jenkins (upstairs, owner-occupier) reports water pouring out from under the door of flat 2, tenant away; other",
                "Hi, Jade from Llamau here. Tenant at Flat 3 (Shannon) has asked me to report that her bath is leaking through; other",
                "I'm one of the carers who visit Mrs Thomas at 4 Glan yr Afon, the new back door doesn't lock; support_worker",
                "Walk-in: Mr Lee Dobson (grandson) reports his grandmother Mrs Dobson has had no heating since Saturday; family",
                "Cheers for getting the fella out to my mums so quick, she was made up; family",
                "Neighbour at no. 5 called. Hasn't seen the tenant at no. 6 for two days. Asked us to check on her.; other",
                "thank u for sorting my nain's heating so fast yesterday, she was made up; family",
                "Told Monday someone would ring me back about my nan's heating. She's 91 and sitting in her coat.; family",
                "your caretaker shouted at my mum in the car park for parking in the disabled bay; family",
                "Referral from Herts Fire & Rescue after a home fire safety visit at 9 Lime Walk; other",
                "The man who came out about the gas smell at my mam's last night was brilliant with her; family",
                "I'm writing about my neighbour Edna at number 7, she won't ring you herself; other",
                "Hi this is Ceri, Mam's daughter (Mrs J Thomas 41 Gwyrosydd Road). The man came Tuesday about her toilet.; family",
                "Texting from mam's phone. Gas man today was lovely with her. Thank u; family",
                "the lift has been broken for 3 weeks and my mum's a wheelchair user on the 9th floor; family",
                "the mould wash team were in and out of my dad's in an hour and so patient with him; family",
                "Just a note from Sandra Hulme, Mrs Hulme's daughter at 17 Meadow Close. Mum's new wet room is lovely.; family"})
        void whoItIsFor(String text, String role) {
            assertThat(classify(text).representativeRole()).as(text).isEqualTo(role);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "the smoke alarm has stopped working completely and my dad is deaf; fire",
                "the decorators took down the smoke alarms to paint and never put them back; fire",
                "the hose reel cabinet on the 8th floor has been smashed and the hose stolen; fire",
                "someone is using a camping stove on the landing outside my door every night; fire",
                "the joists under the bathroom floor have dropped and the floor bounces; structural",
                "the fence round the pond on the green has come down and the water is deep; structural",
                "the lift dropped about a foot with us inside it this morning; structural",
                "the lift doors keep closing on people, they caught my arm today; trapped",
                "my ex let himself in again last night, please change the locks; insecure",
                "the pipe under the sink has burst, water pouring out and the stopcock is seized; flooding",
                "heater not work, very cold, baby is 6 month. please come; no_heating",
                "my heating hasn't worked since Monday, the flat was 11 degrees this morning and I have COPD; no_heating",
                "the leak in the roof is now coming in round the bedroom light; water_electrics",
                "the scaffolders took the frame out and the bathroom window still won't shut with the scaffold up; insecure",
                "a tree has come down in the storm and brought the power lines down across our drive; electrical",
                "the storage heaters haven't come on since the power cut, my mum is 88 and the house is freezing; no_heating",
                "the boards you put over the broken window have blown off in the wind and it's open to the road; insecure",
                "my cottage's front window was smashed in the gale and it won't close; insecure",
                "the toilet won't flush, it is full up and it's coming over onto the floor; sewage",
                "the lock on my ground floor patio door just spins, anyone could get in; insecure",
                "Front door at 4 Mill Row. Doesn't lock from outside unless you lift it; insecure",
                "kids have been setting small fires in the bin room of the empty block; fire",
                "the water from the burst pipe is running into the electric cupboard on the landing; water_electrics",
                "the fire door on the 5th floor landing is hanging off its hinges; fire",
                "my mum's 90 and it's been two weeks without proper heating in this frost; no_heating",
                "boiler broken since Tuesday, we're using one fan heater and I'm 8 months pregnant, it's freezing; no_heating",
                "the garden wall by no.4 is leaning right over the pavement, cracked from top to bottom; structural",
                "the builders left a plank from the scaffold to my bedroom window, anyone could walk across and climb in; insecure",
                "is anyone else smelling burning on the top landing? it's been there an hour; fire",
                "the main door is jammed shut and it's the only exit, none of us can get out; trapped",
                "the kitchen ceiling's been hanging down in one corner since the leak; structural",
                "a slate came off the roof this morning and nearly hit my son in the garden; structural",
                "the landing lights are smokin and there's a crackling noise; electrical",
                "no heating since Friday, my wife is due any day now and were freezing; no_heating",
                "your contractor took her keys and still hasn't given them back, she's had to leave her back door unlocked all week; insecure",
                "the communal heating at Elm House has been off since Thursday and most of us are in our eighties; no_heating",
                "my brother is in hospital and his back door has been broken for weeks, the flat's been insecure the whole time; insecure",
                "no communal heating in our block for a week now and half of us are pensioners; no_heating",
                "the temporary board over my front door has come loose and doesn't lock; insecure",
                "the scaffolding is still up and last night someone tried to open my kitchen window; insecure",
                "I have left my husband but he has kept a set of keys and I need the locks changing today; insecure",
                "my ex forced the back door on Sunday and it still will not shut; insecure",
                "there is a crack in the landing ceiling. it has got wider since last week; structural",
                "the concrete on the front steps is breaking away at the edges; structural",
                "broken back door lock since the break-in, anyone could walk in; insecure",
                "the electrician left the socket cover off and you can see wires inside; electrical",
                "someone has got a little fire going in the bin store again; fire",
                "they took the battery for the hall. now there is no working alarm upstairs or down; fire",
                "D&M across the back bedroom, T's son has asthma and was in hospital last month; damp_mould",
                "T unhappy re sanctuary locks still not fitted, perp still knows the door code; insecure",
                "my keys were given to the wrong person and the lock hasn't been changed, the wrong person may have a key; insecure",
                "Mae'r drws cefn heb glo ers ddoe ac mae gen i gadair yn ei erbyn; insecure",
                "Mum is 84 and she's cold every night, the storage heaters are useless; no_heating",
                "the heater you fitted in her lounge doesn't warm the room at all and she's 90; no_heating",
                "rang four times about the boiler and still no engineer, my baby is three weeks old; no_heating",
                "why do I pay rent for a flat with no front door lock; insecure",
                "lift stuck on the 4th and there's a lad in it shouting; trapped",
                "the branch over the bungalow roof has split and looks likely to drop; structural",
                "there's a bucket under the bedroom ceiling catching the rain again; water_electrics",
                "me back door's dropped on its hinges and it dun't lock; insecure",
                "the lift has trapped people three times this month; trapped",
                "the lift is stopped on 6 with the doors wide open; trapped",
                "gas board are on their way but the smell by the hob is getting stronger; gas",
                "every time it rains water runs through their kitchen ceiling; water_electrics",
                "a big branch is hanging off the oak after the wind, right above the path to the school; structural",
                "my daughter's window won't close at all, we're on the 3rd floor and she's only small; structural",
                "there's a smell a bit like gas by the boiler; gas",
                "mae dŵr yn dal i ddod drwy nenfwd y gegin; water_electrics",
                "someone pushed a lit firework through my letterbox last night; fire",
                "there was another fire in the bin store sat night; fire",
                "the flue on the boiler outside is cracked; carbon_monoxide",
                "next door runs a generator all night and the fumes come in through my kitchen window; carbon_monoxide",
                "mae darn o blastr wedi disgyn o nenfwd y llofft; structural",
                "fedra i ddim cloi'r drws cefn ers y lladrad; insecure",
                "bags of rubbish are blocking the fire exit on the ground floor; fire",
                "the fire doors on our landing were taken off for painting and never put back; fire",
                "the decorator took my hallway smoke alarm down and left it on the stairs; fire",
                "he has no cooker so he cooks on a camping stove inside the flat; fire",
                "I can smell fumes in the lounge when the boiler is on; carbon_monoxide",
                "no heating so I warm the kitchen with the gas oven door open, I'm 87; carbon_monoxide",
                "the surveyor said the bedroom ceiling needs propping; structural",
                "the floorboard by the bath gives way when you stand on it; structural",
                "Mrs Day has fallen in her hallway and cannot get up, the door is locked; trapped",
                "my daughter has slept on the sofa for months because of the mould in her room; damp_mould",
                "the window was smashed the night he went into hospital, so the flat is wide open; insecure",
                "the smoke alarm does not beep when I press the test button; fire",
                "Dad has dementia and keeps leaving the hob on; fire",
                "someone is keeping petrol cans in the communal hallway; fire",
                "the garden wall is leaning towards the pavement after a van hit it; structural",
                "bit of a smell by the meter, is that normal; gas",
                "the garden wall got hit by the bin lorry last week and is now leaning towards the pavement; structural",
                "the gas fire has started popping and there's a black sooty mark on the wall above it; carbon_monoxide",
                "the bedroom window rocks in the wind. I am worried it will fall out onto the path; structural",
                "kids have bent the gas pipe by the meter box round the back; gas",
                "a big branch is leaning over the roof of my bungalow after the gales; structural",
                "junk piled outside the fire exit, you can't get the door open; fire",
                "my grandad's had no heating since Tuesday; no_heating",
                "the kitchen lights buzz when the kettle is on and the switch was warm this morning; electrical",
                "the landing light crackles and goes off every time it rains; electrical",
                "the septic tank was due to be emptied last month. It is now overflowing onto the garden; sewage",
                "a branch has split off and is leaning over the lane towards the end cottages; structural",
                "the workmen left a deep trench by the back gate with no fence round it; structural",
                "mae twll mawr wrth y drws cefn, dim ffens o gwbl; structural",
                "the CO alarm is going off, not the battery chirp, the long loud one; carbon_monoxide",
                "Dad has dementia and was found with the gas hob on and unlit again; gas",
                "my bathroom ceiling. half of it fell in on Sunday; structural",
                "Mae drws ffrynt y ty wedi'i dorri ac nad yw'n cloi bellach; insecure",
                "Rhywun wedi taflu bricsen trwy ffenest y gegin, ni ar y llawr gwaelod; insecure",
                "The smoke vent on our landing has never once opened during the tests; fire",
                "the fire alarm engineer told me it isn't connected; fire",
                "one of the scaffold poles has come loose and is swinging against the building; structural",
                "the balcony railings have rusted right through, you can push them out with one hand; structural",
                "the glass panel on my balcony has cracked from corner to corner; structural",
                "the man next door charges his e-bike battery on the landing every night; fire",
                "bags of rubbish are blocking half the stairs; fire",
                "you told us the flat doors would be replaced because they're not proper fire doors; fire",
                "bath leaking thru to the kitchen ceiling; water_electrics",
                "the glass in her front door is broken, it is still patched with cardboard; insecure",
                "a huge branch came down in the night and the other half of it is hanging over the path; structural",
                "the stairlift broke down again and yesterday it stuck halfway up with him on it; trapped",
                "the gutter is still hanging off since the storm, its gonna fall on someone; structural",
                "two tiles slid off in the wind and smashed on the path, more are hanging over the front door; structural",
                "the garden wall at the back of number 30 is leaning badly and the top bricks are loose; structural",
                "Mae dŵr yn dal i ddod trwy nenfwd y llofft bob tro mae'n bwrw glaw; water_electrics",
                "the smoke alarm on the landing has no power, pressing test does nothing; fire",
                "your man checked the smoke alarms, took the one in the kitchen down and never put it back; fire",
                "lift broken 2 wks, 8th floor, my wife uses a wheelchair and hasnt been out of the flat since; trapped",
                "the scaffold's still up and someone climbed in my bedroom window off it on Saturday; insecure",
                "the oak on the green has split down the middle and half of it is resting on the play area fence; structural",
                "the tree at the back came down in the wind and is lying against our back wall now; structural",
                "Dach chi'n deud bod y llwydni wedi mynd ond mae o nôl a mae asthma'r hogan fach yn waeth; damp_mould",
                "the fitters cut through the cooker cable and left the end sticking out the wall; electrical",
                "the lads on the field are burning tyres again, thick black smoke blowing into the flats; fire",
                "The lift at Ash House has been out of order for two weeks. I use a wheelchair and I haven't left the flat since.; trapped",
                "I reported the loose coping stones by the school path. One fell off on Tuesday and just missed a child.; structural",
                "the contractors left the back door of the empty flat next to mine wide open since Friday, kids in and out; insecure",
                "the scaffolding's been up since March and someone got onto a first floor balcony last week; insecure",
                "previous tenant's keys were never returned and my ex knows where I live now, I fled him in May; insecure",
                "New windows fitted Tuesday and the bedroom one won't close or lock. We're ground floor.; insecure",
                "My stairlift has been broken for five weeks. If there was a fire I honestly don't know how I'd get out.; trapped",
                "your workmen have left a skip right across the fire exit at the back of the flats; fire",
                "She has early dementia and the heating hasn't come on since the engineer fitted the new thermostat; no_heating",
                "The main door at Mill Court - the lock's been snapped off and it's just swinging open; insecure",
                "the joiner never came back to finish my front door. It's hanging on one hinge and won't shut properly; insecure",
                "you switched off the communal heating at the weekend and half the residents are in their 90s; no_heating",
                "someone's sleeping in the bin store with tealights right next to the gas pipes; fire",
                "still waiting for the fire doors to be sorted, the one on the landing is propped open with an extinguisher; fire",
                "When I visited I found the smoke alarm in the hall had been taken down and put in a drawer; fire",
                "There don't seem to be any smoke alarms at all, just the empty brackets on the ceilings; fire",
                "our flat door has had no closer on it since the fire door check in May; fire",
                "the bathroom light makes a little blue flash inside the pull cord bit when you switch it on; electrical",
                "Helo, ma 'na un llechan yn hongian wrth y cafn uwchben y drws ffrynt; structural",
                "scaffolding's been up since June, someone tried my bedroom window from it last week; insecure",
                "kids climbing the scaffolding and Mr Ord found his bedroom window open one morning; insecure",
                "a tree's come down across the car park and brought a cable down across the footpath; electrical",
                "his bathroom floor has gone soft and dipped near the toilet, that's how he fell; structural",
                "Mrs Lewis is 86, on the second floor, the lift is out and she has not been able to get out of the building for 3 weeks; trapped",
                "Mum's been waiting 6 weeks for someone to fix her stairlift. She's 82 and stuck upstairs.; trapped",
                "a scaffold pole came down onto the path yesterday and missed a woman with a pram by a foot; structural",
                "my partner has got really nasty with me and I need the locks changed today, he still has a key; insecure",
                "Both lifts down 3 weeks, my mom's on the 11th floor on oxygen. If there's a fire God knows how she'd get down.; trapped",
                "the drains never got fixed like your letter said and there's sewage coming up the grate by the back door again; sewage",
                "There's a slate come off the roof and it's sat loose in the gutter right over the front door; structural",
                "Unhappy with the stage 1 response about the broken stairlift. His mother, 88, has been confined upstairs for three weeks.; trapped",
                "Cllr asks for a stage 2 review: water is still coming through their top-floor flat ceiling whenever it rains; water_electrics",
                "Weiran yn hongian allan o'r wal lle oedd y golau tu allan, ar ôl y gwynt neithiwr; electrical",
                "Mae ffenest fy ystafell wely ddim yn cau'n iawn ers pythefnos. Dw i'n byw ar y llawr gwaelod.; insecure",
                "Smoke alarm in the hall has been chirping for 3 weeks. I've had to take it down so we can sleep; fire",
                "Your drainage lot dug a hole in my back garden and left it open with a traffic cone in it. I've got a toddler.; structural",
                "Going to stage 2. Sewage was in my back garden for 11 days. It's backing up again this morning.; sewage",
                "After my ex-partner was arrested I asked for my locks to be changed. He still has a key to my house.; insecure",
                "Now when the toilet is flushed it comes back up in the bath. Only toilet in the house.; sewage"})
        void dangersAndTheirKinds(String text, String kind) {
            TriageDecision d = classify(text);
            assertThat(d.hazard()).as(text).isTrue();
            assertThat(d.hazardKinds()).as(text).contains(kind);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the smoke alarm is chirping for a new battery, can someone change it",
                "there's an old brown stain on the bedroom ceiling from a leak fixed last year, could it be painted",
                "my CO alarm keeps chirping once a minute, is that the battery?",
                "the carbon monoxide alarm screen says END and it beeps now and then",
                "Rydym yn llosgi coed yn y stof bob nos"})
        void notEveryAlarmOrStainIsADanger(String text) {
            assertThat(classify(text).hazard()).as(text).isFalse();
        }

        /**
         * No rule reads a chirping CO alarm as a danger, but nearly every carbon monoxide alarm in the examples was
         * one, so the hazard model may ask for a check: then the flag carries no kind and says it is the model's opinion.
         */
        @Test
        void aChirpingCarbonMonoxideAlarmIsNoDangerToTheRulesAndTheModelOnlyAsksForACheck() {
            TriageDecision d = classify(
                    "is it normal for the carbon monoxide alarm to chirp about once a minute? it's just the chirp");
            assertThat(d.hazardKinds()).isEmpty();
            if (d.hazard()) {
                assertThat(d.reasons()).filteredOn(r -> r.rule().equals(Triage.HAZARD_MODEL_RULE)).singleElement()
                        .satisfies(r -> assertThat(r.explanation()).contains("no hazard rule fired")
                                .contains("check whether it needs making safe"));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "is it normal to wait nine weeks for someone to look at a leaking roof?",
                "still no light on the stairs, 3 weeks since I rang. are you waiting for someone to get hurt before you fix it?",
                "4th time askin for sum1 to look at the gutter n ur lot keep sayin its bookd"})
        void dissatisfactionPutAsAQuestion(String text) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(CaseClass.COMPLAINT);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Cheers for sorting the gutter at last. Only took four months and six calls but hey, it's dry now, thanks",
                "thank you for the new fence I suppose, better late than never"})
        void thanksWithAStingIsAComplaint(String text) {
            TriageDecision d = classify(text);
            assertThat(d.caseClass()).as(text).isEqualTo(CaseClass.COMPLAINT);
            assertThat(rules(d)).as(text).contains("grudging-thanks");
        }

        @Test
        void aFirstReportSaidInTermsIsARequest() {
            TriageDecision d = classify("T Mr Y. Osei rang, fed up that the bathroom fan has died and black spots are"
                    + " coming on the ceiling. First time reported. Job raised for electrician.");
            assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(rules(d)).contains("first-report");
        }

        @Test
        void aComplaintSpeltAsItSoundsIsAComplaint() {
            assertThat(classify("I am riting to complane about how the lady on the front desk spoke to me").caseClass())
                    .isEqualTo(CaseClass.COMPLAINT);
        }

        @Test
        void aSolicitorAskingForLocksToBeChangedIsARequest() {
            assertThat(classify("We act for Ms Reed. On our client's instructions we ask that you change the locks"
                    + " at 4 Vine Street this week.").caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "it's my son and me in the flat, the bedroom window won't open",
                "my kids got home and the heating was off",
                "I moved my mum in with me last year, the bath needs a rail",
                "my partner left and I am living alone now, can I downsize",
                "my mum is 86 and lives with me, the boiler has gone and the flat is freezing",
                "I'm at my friend's until the damp treatment is done, can you ring me on my mobile",
                "my GP rang about the letter you sent me about my rent",
                "Mum asked me to ring about our boiler, it is not working",
                "my sister has been without her car so I am walking to the office, my kitchen tap drips",
                "I am the chair of the tenants group but I am writing about my own front door",
                "Call from T re her boiler, no heating since Monday",
                "the police rang me back yesterday about the break-in next door, my fence is down",
                "police been called. the man upstairs is banging on my door again",
                "I said I'd ring you back about my own boiler but the line was busy",
                "my dad wanted me to tell you the shower is leaking again, we live together at no. 4",
                "my friend is stuck at work so can the plumber come after six",
                "I'm making one for her birthday, anyway my fence is down",
                "I was round at my friend's when you rang about my boiler",
                "Mrs Patel is my mother and I live with her, our bathroom fan is broken",
                "I am a paramedic and I rang about my own boiler yesterday",
                "the housing options officer told me to contact you about my rent arrears",
                "I rang with the patients consent form I need for my own GP",
                "my ex still has a key to my flat and I want the locks changed",
                "I live above the man at no 5 and his music goes on all night",
                "I rent a room from a private landlord so is this the right place",
                "posting this for everyone at Denby House, the lift is broken again",
                "I'm round at my dad's most days doing his shopping, then carry mine up nine floors",
                "I clean for a living so I need appointments after five",
                "my friend lives in the same block and her lift is out too, mine has been out a week",
                "my partner is happy for me to deal with this as she works nights, our boiler is broken",
                "my husband had a tenancy with you before we married, now our boiler is broken",
                "Tenant rang, fire service called to the lift, her son stuck between floors",
                "my mum says you never fix anything, we live together",
                "my neighbour at no. 16 handed me a letter that was addressed to me but posted through her door",
                "Mae fy mam yn 88 ac yn byw gyda fi, mae'r gawod wedi torri",
                "there's a lady from the 5th floor stuck in the lift, she's pressing the alarm",
                "Mr P. Ward, 4 Elm Rise, rang about his complaint response. He is not happy with the £50 offered",
                "no heating since Sunday and my mam is 84 and stays with me, she's sat in her coat",
                "I'm round at my dad's most days doing his shopping, then carrying my own bags up nine flights",
                "Not my flat but thought I'd better tell someone, the bin store door is off",
                "heating and hot water gone on the coldest night, my mum's 76 and she's staying with me",
                "the gas man said 'I've got 11 more jobs mate' when my dad asked him to take his boots off. Not having someone speak to my dad like that in my home"})
        void theSendersOwnHouseholdIsNotARepresentative(String text) {
            assertThat(classify(text).representative()).as(text).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "put the oven on to warm the plates",
                "the neighbour's tree is hanging over my garden, can it be cut back",
                "the fence along the edge of my garden has come down in the wind",
                "the toilet lid moves when you sit on it",
                "there's a bbq on the balcony next door every weekend",
                "the bass from upstairs comes through the ceiling till 3am",
                "there is a smell near the bins like something died",
                "the smell from the cooker after the chip pan is still in the curtains",
                "the bedroom window won't close properly, first floor flat, draughty",
                "a branch came down in the wind last night and is lying on the lawn",
                "we had a bonfire and fireworks on the 5th, the kids loved it",
                "the people at no 9 burn rubbish every weekend and the smoke comes in my windows",
                "I can smell fumes from the bus station on my way in",
                "she slept in the living room while the bedroom was being decorated",
                "she had fallen last month and couldn't get up, she's home now and wanted to thank the caretaker",
                "the back door is wide open for air, it's so hot",
                "I keep leaving the heating on by mistake, is that expensive",
                "my gas fire in the lounge needs its yearly service",
                "my nan's boiler was serviced last week, all fine",
                "the lane has a big hole where the rain washed the edge out, my car nearly went in the ditch",
                "the shrubs outside my bungalow are hanging over the path, can they be trimmed",
                "the gardener cut through my tv cable doing the hedge and walked off",
                "3 weeks no internet in the block since your contractors cut the cable",
                "the lad who did the gas service left my front door wide open while he went to his van and the cat got out",
                "loft hatch just fell down nearly hit me on the head, can someone put it back up",
                "scaffolding been up round our block 4 months, kids climbing it at night",
                "outside tap has split and water's spraying everywhere, can't find the stop tap",
                "Mae rhai o'r teils wedi disgyn oddi ar do'r sied yn y gwynt neithiwr",
                "the noticeboard in the hallway of block C has come off the wall. Not my flat but thought I'd better tell someone",
                "please look at the tree roots lifting the paving slabs outside 4-8 Orchard Row",
                "Mum got your reply about the stairlift. She was stuck upstairs for four days last month."})
        void everydayThingsAreNotDangers(String text) {
            assertThat(classify(text).hazard()).as(text).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "the service charge went up to 80 odd pounds a week",
                "I will be 70 minutes late for the appointment",
                "the royal mail van reversed into our fence",
                "after a fall in the price of gas my bill is still high"})
        void numbersAndPlacesThatSayNothingAboutThePerson(String text) {
            assertThat(classify(text).vulnerability()).as(text).isFalse();
        }

        @Test
        void aMissedEmergencyTimescaleIsAComplaint() {
            assertThat(classify("you said 24 hours for an emergency, it's been three days and the toilet is still"
                    + " blocked").caseClass()).isEqualTo(CaseClass.COMPLAINT);
        }

        @Test
        void thanksForAStageTwoOutcomeIsNotAnEscalation() {
            assertThat(classify("Mr Y rang to thank the complaints team - the stage 2 outcome came through and the"
                    + " refund is in his account").caseClass()).isEqualTo(CaseClass.COMPLIMENT);
        }

        @Test
        void aGasLeakDealtWithOnTheNightIsThankedNotLive() {
            TriageDecision d = classify("I want to thank the engineer who came out at midnight after I reported a"
                    + " smell of gas. He isolated the supply within minutes and was so kind to my mum.");
            assertThat(d.hazard()).isFalse();
            assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLIMENT);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "the windows are finally clean, only took a year; COMPLAINT",
                "thanks for finally sorting my bath, shame it took two months and three visits; COMPLAINT",
                "thanks for the new boiler, just wish someone had told me the first engineer was not coming; COMPLAINT",
                "the repairs app keeps saying no slots for my leaking roof, is there a person I can talk to?; COMPLAINT",
                "you post photos of your charity bake sale but can't answer my messages about the mould; COMPLAINT",
                "I phoned about my damp survey and the man laughed and said good luck with that; COMPLAINT",
                "whoever decided to chop down the big oak on the green should be ashamed; COMPLAINT",
                "I tell you in January the door is broken. Nobody fix. Why?; COMPLAINT",
                "shout out to no one at the council for leaving the lift broken all of December; COMPLAINT",
                "the ASB officer still hasn't rung me back about the flat upstairs, it's been three weeks; COMPLAINT",
                "Tel - T Mr Lowe: his noise case against no. 4 was closed w/out anyone speaking to him; COMPLAINT",
                "Letter recd from T Mrs Dean. Complains the painters walked mud through her hall and did not clean up; COMPLAINT",
                "five weeks of cold showers and all you say is it's with the contractor; COMPLAINT",
                "thanks for the new fence, shame the lads left all the old panels in my garden; COMPLAINT",
                "I filled in your satisfaction survey in June and said the repair was poor and wanted a call, nobody has rung; COMPLAINT",
                "Our constituent has asked us to raise a formal complaint about the handling of her reports of anti-social behaviour; COMPLAINT",
                "two weeks and no one has emptied the bins at Ash Court, there are rats now; COMPLAINT",
                "the helpdesk keeps closing my ticket without anyone fixing the heating; COMPLAINT",
                "the cleaners keep leaving the bin store door open and the foxes get in every night; COMPLAINT",
                "you said the boiler would be fixed by the weekend. which weekend? it's been three; COMPLAINT",
                "can I get my gutters cleared? they overflow when it rains; SERVICE_REQUEST",
                "locked myself out, can someone let me in please? 14 Lark Rise; SERVICE_REQUEST",
                "is anyone going to fix the light at the bottom of the stairs?; SERVICE_REQUEST",
                "neighbour at no.9 parks his van across his own drive and blocks mine, he swore at me when I asked; SERVICE_REQUEST",
                "shout out to the caretaker, the bin store has never looked so clean; COMPLIMENT",
                "the fastest repair I have ever had, reported at breakfast and fixed by lunch; COMPLIMENT",
                "is the plumber still booked for Thursday morning?; ENQUIRY",
                "I got a letter about my complain. I not agree, the damp is still there, please look again; ESCALATION",
                "Tel - T unhappy w/ S1 re missed visits, wants a manager to review. S2 logged; ESCALATION",
                "hi just checking my boiler service is still on for Monday?; ENQUIRY",
                "why is there a new charge on my rent statement? not complaining, just want to know what it is; ENQUIRY",
                "any chance of getting the steps by the bins gritted? they are lethal; SERVICE_REQUEST",
                "Diolch am drwsio'r ffenest o'r diwedd, ond cymerodd hi bum mis; COMPLAINT",
                "Pam ydw i'n talu am ymweliad pan na ddaeth y plymwr o gwbl?; COMPLAINT",
                "Told I'm due a new bathroom for two years. Survey done last spring. Still nothing, not good enough.; COMPLAINT",
                "not a complaint, just wondering why my service charge has gone up; ENQUIRY",
                "what's the process if I want to make a complaint? is there a form?; ENQUIRY",
                "next door are revving motorbikes on the green till midnight again; SERVICE_REQUEST",
                "this is the second time I've written and your reply ignored half of what I said. please escalate; ESCALATION",
                "a big thank you to whoever cleared the fly tipping behind the garages so quickly; COMPLIMENT",
                "gas safety check done in ten minutes and he wiped his feet. gold star; COMPLIMENT",
                "re your text about the electrician on Monday - I'm at work then, any chance of Wednesday instead?; SERVICE_REQUEST",
                "my neighbour says the cladding on our block might be unsafe, is that true?; ENQUIRY",
                "Ysgrifennais atoch yn Gymraeg ond ces i ateb yn Saesneg yn unig; COMPLAINT",
                "Seven weeks on nobody has booked the mould wash. I have copied this letter to my ward councillor, Cllr Khan, for information.; COMPLAINT",
                "Tenant satisfaction survey - any other comments? The lifts are often out and the bins overflow; ENQUIRY",
                "Request for an old mattress to be removed from the landing outside flat 12; SERVICE_REQUEST",
                "tell Mo the plumber thanks, the shower is perfect now; COMPLIMENT",
                "T rang: requesting an adaptations assessment, husband now using a wheelchair; SERVICE_REQUEST",
                "is anyone able to come and clear the leaves from the gutters at Pine Court?; SERVICE_REQUEST",
                "T rang re stg1 letter. Disagrees that the leak was her fault and wants it looked at again by a manager; ESCALATION",
                "T rang for a bulky waste collection, fridge and two chairs. Booked Tuesday; SERVICE_REQUEST",
                "the caretaker at Ash House does a cracking job, the bins area is spotless; COMPLIMENT",
                "Req tree survey for the oak behind 5 Lime Grove, branches on the roof; SERVICE_REQUEST",
                "can I book a bulky waste collection for a broken wardrobe please; SERVICE_REQUEST",
                "Need a new fob for the bin store please, mine snapped; SERVICE_REQUEST",
                "Washing machine tap fixed, cheers; COMPLIMENT",
                "whoever cleaned the bin store at Elm Court deserves a pay rise; COMPLIMENT",
                "Writing to thank you for the way you handled my stage 2 complaint, it was fair and quick; COMPLIMENT",
                "Thanks but I am not happy with how you handled my stage 1 complaint, please take it to stage 2; ESCALATION",
                "I've had my stage 1 letter. Not decided yet, but how would I escalate it; ENQUIRY",
                "what is the deadline for asking for stage 2, is it 20 days or 20 working days; ENQUIRY",
                "who would look at my complaint at stage 2, would it be the same officer; ENQUIRY",
                "I'm thinking about making a complaint but will it affect my transfer; ENQUIRY",
                "I have a complaint in progress, can I bring my sister to the meeting; ENQUIRY",
                "where is my complaint up to, it's been 6 weeks and nobody has replied, ridiculous; COMPLAINT",
                "I was told I would get a response within 10 working days, then you needed an extension and nothing since; COMPLAINT",
                "Faint o amser mae cam 2 yn ei gymryd fel arfer; ENQUIRY",
                "I got the response to my complaint yesterday. Before I decide whether to take it further, can you tell me who would look at it?; ENQUIRY",
                "T asked how long she has to escalate to stage 2, still reading the letter, has not decided; ENQUIRY",
                "Cllr rang for an update on the roof programme, asked for a timetable and did not raise a complaint; ENQUIRY",
                "next door's dog is barking again all night; SERVICE_REQUEST",
                "the neighbours are having parties again, I've reported it 5 times and you've done nothing; COMPLAINT",
                "thank you to the ASB team, the family at no. 10 have been spoken to and it's finally quiet; COMPLIMENT",
                "when I rang the ASB line to report my neighbour threatening me the woman said not you again, I want this investigated; COMPLAINT",
                "a letter came blaming the mould on our lifestyle, we air the place every day; COMPLAINT",
                "the plumber serviced the boiler and now no hot water, it was fine until he touched it; COMPLAINT",
                "my son wants his complaint taken to the next level, the stage 1 letter was useless; ESCALATION",
                "best housing officer I have ever had, thank you Jo; COMPLIMENT",
                "Cllr asked for an update on the estate works. He has not asked for a complaint.; ENQUIRY",
                "MP's caseworker asks that we investigate as a complaint how the tenant was spoken to; COMPLAINT",
                "Could you tell me if her home is in the boiler programme and when? Many thanks; ENQUIRY",
                "T lost her fob, asks for replacement; SERVICE_REQUEST",
                "she has asked for a grab rail by the bath; SERVICE_REQUEST",
                "messaging for my dad at 3 Elm Row, his boiler is off and he is 88, he won't ring you himself as he hates a fuss; SERVICE_REQUEST",
                "A fyddai modd trefnu i rywun lanhau'r simnai cyn y Nadolig? Diolch yn fawr, Gwen; SERVICE_REQUEST",
                "just wanted to say thanks to Sam on the ASB team, the banging from upstairs has finally stopped; COMPLIMENT",
                "our kids are sleeping in the lounge because of the mould in their room; SERVICE_REQUEST",
                "there's a man sleeping in the bin store again; SERVICE_REQUEST",
                "the window fitters have been using my front garden as a toilet; COMPLAINT",
                "the leaflet you sent said the car park would be resurfaced by the summer. It hasn't been touched.; COMPLAINT",
                "the tap your plumber fixed still drips, same as before; COMPLAINT",
                "I've been told I can escalate within 28 days so I'm doing it. Your response about the damp in my son's room isn't good enough; ESCALATION",
                "your surveyor found the gutter was blocked and cleared it there and then, brilliant service; COMPLIMENT",
                "My old private landlord blamed me for the mould. Your officer was lovely and sorted it fast, thank you; COMPLIMENT",
                "the builders blocked my drive all morning with their van; COMPLAINT",
                "can I get a new key fob please, mine snapped; SERVICE_REQUEST",
                "Tenant called to request a ramp at the back door; SERVICE_REQUEST",
                "my dad's OT says he needs a rail by the bath, how do I get it fitted?; SERVICE_REQUEST",
                "heating gone off; SERVICE_REQUEST",
                "Ms Roy rang to ask how complaints work. She has not decided whether she wants to complain yet.; ENQUIRY",
                "I want complain about the man who came; COMPLAINT",
                "Wi di ffono chi bedair gwaith am y draen yn yr ardd. Ma'r drewdod yn ofnadw.; COMPLAINT",
                "Hogia torri gwair chi di malu ffenast y car bore ma. Dwi isio iawndal.; COMPLAINT",
                "the boiler man came on Monday but it's stopped again today; COMPLAINT",
                "please sort it properly this time; COMPLAINT",
                "Ma'r gwres dal ddim yn gweithio ar ol i'r plymwr fod yma; COMPLAINT",
                "Man at 14 has been banging on my door and shouting again, can someone deal with him; SERVICE_REQUEST",
                "the kitchen sockets trip the electrics whenever the kettle is on; SERVICE_REQUEST",
                "shoutout to whoever 'fixed' the gate and left the old one lying on my drive 🙃; COMPLAINT",
                "the ramp you put in last month is that steep I can't get the bins up, it needs redoing; COMPLAINT",
                "the fitters left the old windows in my front garden since Tuesday; COMPLAINT",
                "If I go to the Ombudsman after stage 2, will they get all the papers from you?; ENQUIRY",
                "Son of the tenant rang to thank the complaints team for the stage 2 response and the new bathroom; COMPLIMENT",
                "You closed my complaint saying I was happy with the outcome. I never said that. I want it reopened and looked at by someone senior.; ESCALATION",
                "the electrician left the cover off the junction box on the landing; COMPLAINT",
                "Roofers been and gone and the leak is worse; COMPLAINT",
                "Tried to report the fire door again. This is the third report.; COMPLAINT",
                "Got your letter about my complaint. thanks, fair enough; COMPLIMENT",
                "Thank you for your letter responding to my complaint. I appreciate the apology and I'm happy with the outcome, you can close it.; COMPLIMENT",
                "Thank you for your response. I accept the apology for the delay, but you haven't dealt with the recharge. I'd like that part reviewed at stage 2.; ESCALATION",
                "I was told I have 28 days to take my complaint further. Consider this it, the fence is still down.; ESCALATION",
                "Letter from office of Jo Bright MP: asks us to investigate his complaint about the delay in his transfer.; COMPLAINT",
                "Cllr Fox asks for this to be logged formally on behalf of the residents of Ash House - the lights have been out since November.; COMPLAINT",
                "Letter before claim received from solicitors for Mr Ede: disrepair protocol, damp in both bedrooms reported since 2023.; COMPLAINT",
                "I should like to commend your caretaker at Ash House for keeping the stairs so clean.; COMPLIMENT",
                "bloke upstairs threatened my partner on the landing with a knife, police came; SERVICE_REQUEST",
                "My english not so good. I call about rent and the man shout at me and say call back. This is not right.; COMPLAINT",
                "new benches by the play area are lush, the kids love them 🥰; COMPLIMENT",
                "Your repairs man made a comment about my headscarf while he was in my kitchen. Not ok.; COMPLAINT",
                "Cancelled by text at 7am for the 3rd time. Does anyone there check what this firm is doing?; COMPLAINT",
                "the lad on the phones was proper sarky with me, told me to just read the letter; COMPLAINT",
                "You've put my post through next door AGAIN. Third time, with all my details on it.; COMPLAINT",
                "So you can post pics of your staff party but can't answer a DM in 6 days? 🙃; COMPLAINT",
                "rang up about my neighbours dog barking all night and the woman on the phone laughed. not ok; COMPLAINT",
                "the man who did my gas check today was smoking IN my flat with my kids in the next room; COMPLAINT",
                "Re your survey: I ticked dissatisfied for the cleaning because the bin area is grim most weeks. Just thought I'd explain.; ENQUIRY"})
        void whatIsBeingAskedFor(String text, CaseClass expected) {
            assertThat(classify(text).caseClass()).as(text).isEqualTo(expected);
        }
    }

    /** Residents who write wholly in another language: a danger is urgent, and the sender may need an interpreter. */
    @Nested
    class OtherLanguages {

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "Dzień dobry, w przedpokoju czuć gaz od rana, bardzo silny zapach. Mam małe dziecko.; gas; Polish",
                "Bună ziua, curge apă din tavan pe lustră în bucătărie, vă rog ajutor.; water_electrics; Romanian",
                "Merhaba, mutfakta gaz kokusu var ve çok korkuyoruz, lütfen acil birini gönderin.; gas; Turkish",
                "Hola, está saliendo humo del enchufe del dormitorio y huele a quemado.; electrical; Spanish",
                "السلام عليكم، هناك رائحة غاز قوية في المطبخ منذ الصباح، أرجو المساعدة.; gas; Arabic",
                "Salam, hamare kitchen mein gas ki boo aa rahi hai, bachay ghar pe hain, please jaldi kisi ko bhejein.; gas; Urdu",
                "Доброго дня, у ванній зі стелі тече вода прямо на лампу. Допоможіть, будь ласка.; water_electrics; Ukrainian"})
        void aDangerWrittenInAnotherLanguageIsUrgentAndNamesTheLanguage(String text, String kind, String language) {
            TriageDecision d = classify(text);
            assertThat(d.hazardKinds()).as(text).contains(kind);
            assertThat(d.caseClass()).as(text).isEqualTo(CaseClass.SERVICE_REQUEST);
            assertThat(reason(d, "vulnerability-language")).as(text).hasValueSatisfying(r ->
                    assertThat(r.explanation()).contains("(" + language + ")"));
        }

        @Test
        void aScriptNoFolderCoversIsStillAnotherLanguage() {
            TriageDecision d = classify("નમસ્તે, અમારા ઘરમાં ત્રણ દિવસથી ગરમ પાણી નથી આવતું, મહેરબાની કરીને કોઈને મોકલો.");
            assertThat(d.vulnerability()).isTrue();
            assertThat(reason(d, "vulnerability-language").orElseThrow().explanation()).contains("(Gujarati script)");
            assertThat(d.needsClarification()).as("no class evidence in a language triage does not read").isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Dzień dobry! The kitchen tap is dripping again, please can someone come. Dziękuję",
                "hi the front gate latch is stiff, can u send someone. Obrigado",
                "Salam, the bathroom extractor fan stopped working last week. Shukriya"})
        void aGreetingOrThanksInAnotherLanguageDoesNotMakeItOne(String text) {
            TriageDecision d = classify(text);
            assertThat(reason(d, "vulnerability-language")).as(text).isEmpty();
            assertThat(d.hazard()).as(text).isFalse();
        }
    }
}
