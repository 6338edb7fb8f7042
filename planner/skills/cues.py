"""Gap, requirement and strength cues: how a clause frames the skills it names."""

from __future__ import annotations

import re

from planner.skills.cuekinds import Cue, CueHit, overlaps
from planner.skills.praise import (
    NOT_PRAISE,
    found_it,
    outside_praise,
    praise_idioms,
    someone_else,
)

__all__ = ["Cue", "CueHit", "find_cues", "framing_for", "patterns"]


_W = r"(?:\w+\W+){0,4}?"
# Advice in the imperative at the start of a sentence: "Learn Audition properly before ...",
# "Book onto an ILS course", "Pick up some nurse call experience" (also read by formletter.py,
# where it makes "... then reapply" a reason, not a form).
ADVICE_START = (
    r"(?:learn|study|gain|revise|get (?:some|more|proper|a|an|the|your|going)|take (?:the|a|an)"
    r"|do (?:the|a|an|some|complete)|pass (?:the|your|a|an)|book (?:onto|on|yourself)"
    r"|complete (?:the|a|an|your)|finish (?:the|a|an|your)|spend (?:some|a|time)"
    r"|sit (?:the|your)|build (?:up )?(?:a|an|some|your)|pick up (?:some|more|a|an)"
    r"|try to (?:get|gain|build)|read up on|brush up on|enrol|sign up for)\b"
)
_PATTERNS: tuple[tuple[Cue, str], ...] = (
    (
        Cue.STRONG_GAP,
        r"\black(?:ed|ing|s)?\b|\bbelow (?:the |our )?(?:bar|level|standard|expectations?)"
        r"|\bstruggl\w*|\bgaps?\b|\bweak(?:er|ness|nesses)?\b|\bmissing\b|\bwas missing"
        r"|\binsufficient"
        r"|\b(?:no|little|limited|minimal|not much|not enough"
        r"|lack of) (?:\w+\W+){0,2}?(?:experience|exposure|knowledge|"
        r"understanding|familiarity|depth|evidence|background|examples?|skills?)\b|\bnot enough\b"
        r"|\bunable to\b|\bcould(?:n't| not)\b|\bdid(?:n't| not) (?:\w+ ){0,2}?(?:demonstrate|show|"
        r"see|have|get|manage|answer|cover|explain|mention|hear|address|meet|reach|go)"
        r"|\bfell short|\b(?<!a )(?<!the )missed\b(?! (?:doses?|calls?|appointments?))|"
        r"\bshort of\b|\bnot (?:yet )?(?:at|up to) (?:the )?(?:level|standard|bar)|\bunfamiliar"
        r"|\bnot (?:familiar|comfortable|confident|fluent|proficient)|\bconcerns?\b|\bhesitant"
        r"|\bshaky\b|\brusty\b|\bsuperficial|\bsurface[- ]level|\bneeds? (?:work|improvement|"
        r"strengthening)|\bless (?:experience|exposure|depth)|\bwas(?:n't| not) (?:\w+ ){0,2}?"
        r"(?:strong|solid|deep|clear|convincing|enough|there|sufficient|evident)"
        r"|\bweren't (?:\w+ ){0,2}?"
        r"(?:strong|solid|deep|clear|convincing|enough|there|sufficient|evident)|"
        r"\bnot (?:as |quite |very |particularly |sufficiently )?(?:strong|solid|deep|clear|"
        r"convincing|polished|structured|detailed|specific|concise)"
        r"|\bhaven'?t (?:\w+ ){0,2}?(?:used|worked|seen)|\bnever (?:used|worked)"
        r"|\bunder-?prepared|\bunprepared|\brambl\w*|\bgeneric\b|\bsloppy|\bcareless"
        r"|\bnervous(?! (?:patients?|customers?|clients?|children|flyers|owners|animals|pets"
        r"|callers))"
        r"|\bvague\b|\bthin\b(?![- ](?:clients?|films?|sections?|layers?|coats?|walls?|sheets?))"
        r"|\bunclear\b"
        # "so the main thing was safeguarding", "the biggest issue was the budget answer"
        r"|\bthe (?:main|biggest|big|key|only|one|real) (?:thing|issue|problem|sticking point"
        r"|stumbling block|weakness|concern|worry|gap) (?:was|were|is)\b"
        # "nobody on the panel felt confident about your SQL"
        r"|\b(?:nobody|no one|none of (?:us|them|the panel))\b(?: [\w']+){0,4}? (?:felt|was|were"
        r"|seemed|came away) (?:\w+ )?(?:confident|convinced|sure|comfortable|reassured)\b"
        # "what cost you was the GNSS side", "what let her down was the case study"
        r"|\bwhat (?:really )?(?:cost|let) (?:you|her|him|them)(?: down)? (?:was|were|is)\b"
        # a low score on a scorecard: "Technical (AutoCAD) 2/5", "Budgeting 3/10"
        r"|(?<![/\d.])(?:[0-2](?:\.5)?|2\.5)\s*/\s*5\b(?!\s*/)|(?<![/\d.])[0-5](?:\.5)?\s*/\s*10\b(?!\s*/)"
        # "you needed help finding your way round the scenes", "had to be prompted on the steps"
        r"|\b(?:needed|required|had to ask for) (?:\w+ ){0,2}?(?:help|prompting|prompts"
        r"|hand-holding)\b|\bhad to be (?:prompted|helped|guided|reminded|talked through)\b"
        # "your answer on ATT&CK was also fairly general"; not "the general manager was"
        r"|\b(?:was|were|seemed|felt|stayed|remained) (?:\w+ ){0,2}?general\b"
        r"(?!\s+(?:manager|practice|public|ledger|election|knowledge|awareness|purpose|admin"
        r"|duties|enquiries|assistant))"
        # "the step up to major gift fundraising would be too large right now"
        r"|\b(?:step|leap|jump)(?: up)? (?:\w+\W+){0,6}?(?:would be|would have been|is|was|felt"
        r"|seemed) (?:\w+ )?too (?:big|large|great|far|much)\b"
        r"|\bhard to (?:follow|read|understand|judge|assess|gauge|tell)"
        # "you found it hard to articulate ...", "had some difficulty with the joins"
        r"|\bfound it (?:quite |rather |very |a bit |a little )?(?:hard|difficult|tricky"
        r"|challenging)\b|\bhad (?:some |real |a lot of |a little |great )?"
        r"(?:difficulty|difficulties|trouble)\b|\b(?:a|some) (?:hard|tough|difficult) time\b"
        r"|\bdisorgani[sz]ed"
        r"|\bmessy\b|\bdefensive|\buncomfortable|\bran out of time|\bover-?ran\b|\berrors?\b"
        r"|\bmistakes?\b|\bincorrect|\bwrong\b|\btripped|\bwent unanswered|\bnot convinc\w+"
        r"|\bnot (?:yet )?(?:at|up to)\b|\bneither\b|\bnone\b"
        r"|\b(?:was|were|is|are|seemed|looked|felt|remains?) (?:\w+ ){0,2}?limited\b"
        r"|\bunsure\b|\buncertain\b|\bunaware\b|\bnot aware\b|\bnot sure\b"
        # "less confident on the PLO", "her CRM experience was light", "a bit light on"
        r"|\bless (?:\w+ )?(?:confident|comfortable|assured|convincing|sure|secure|fluent|familiar"
        r"|strong|solid|clear|polished|structured)\b"
        r"|\blight on\b|\b(?:was|were|is|are|seemed|looked|felt) (?:a bit |a little |quite |rather "
        r"|very |too )?light\b"
        r"|\bslow (?:to|at|in)\b"
        r"|\b(?:was|were|felt|seemed|looked) (?:a bit |a little |quite |very |too |rather )?slow\b"
        r"|\bwent sideways|\bcame unstuck|\bfell (?:a (?:bit|little) |rather |somewhat |slightly )?"
        r"(?:down|apart|flat|over)\b|\b(?:below|short of) what (?:we|they|the \w+)\b"
        r"|\bunders(?:old|ell\w*)|\bburied\b"
        # "a buried tank", "buried services": in the ground, not lost in the answer
        r"(?![ \t]+(?:tanks?|pipes?|pipework|cables?|services|structures?|assets?|lines?"
        r"|utilities|ducts?|drains?|mains))|\bstalled\b|\bdid(?:n't| not) pass|\bnot passed"
        r"|\b(?:far |much |way |a bit |a little |rather |slightly )?too (?:technical|long|detailed"
        r"|high-level|vague|generic|junior|theoretical|academic|wordy|abstract|brief|short|shallow"
        r"|basic|narrow)\b"
        r"|\b(?:answer|response|explanation)s? (?:on|to|about|for|around) (?:\w+\W+){0,4}?"
        r"(?:was|were) (?:just|only|simply|basic|thin)\b"
        r"|\bmixed (?:\w+ )?up\b|\bmuddled\b|\bconfused\b|\bwent (?:badly|poorly|wrong)\b"
        r"|\bblank(?:ed)?(?: on)?\b(?! (?:canvas|page|sheet|template|form))"
        r"|\blet (?:you|him|her|them|me|us) down\b|\bwell (?:under|below|short of|behind|off)\b"
        r"|\b(?:little|limited|minimal) (?:commercial|practical|hands-on|real|direct|formal|recent"
        r"|clinical|relevant|prior|domestic|industry|sector|live|production|post-contract)\b"
        # understatement: "a bit green on discovery", "still green in theatre"; not the colour
        r"|\b(?:a (?:bit|little|touch|tad)|quite|still|rather|fairly|pretty|too|very|somewhat)"
        r" green\b(?! (?:belt|card|light|energy|space|tea))"
        # "the panel's hesitation was around Excel", "reservations about your SQL"; not "no doubts"
        r"|(?<!without )(?<!no )(?<!any )(?<!little )\b(?:hesitation|hesitancy)\b"
        r"|\breservations? (?:about|around|over|regarding|on)\b|\b(?:one|some|slight|main|only|real"
        r"|two|few|panel's|team's|manager's) reservations?\b"
        r"|(?<!no )(?<!any )(?<!little )\b(?:doubts?|worr(?:y|ies)|question marks?)"
        r" (?:about|around|over|regarding|as to|was|were)\b"
        # "you scored lower on Making Effective Decisions", "scored below the pass mark"
        r"|\bscored (?:a (?:bit|little|touch) |slightly |much |noticeably )?(?:lower|lowest"
        r"|less well|below|poorly|low|weakest)\b"
        r"|\b(?:held|holding|holds?) (?:you|him|her|them|us|the panel|the team) back\b"
        # "Client management was the weakest area", "the weak point", "the stumbling block"
        r"|\bweakest\b|\bweak (?:point|spot|link)s?\b|\bstumbling[- ]block\b"
        # "came up as a worry in both references", "came through as a gap"
        r"|\b(?:came up|came through|came across|was raised|stood out|showed up) as (?:a |an )?"
        r"(?:(?:real|big|clear|slight|particular) )?(?:gap|worry|concern|weakness|issue|problem"
        r"|development area|area (?:for|of) development)\b"
        # "below the pass mark", "under our threshold"
        r"|\b(?:below|under|short of) (?:the |our |your )?(?:threshold|pass mark|pass rate"
        r"|cut-?off|required (?:level|score|standard|mark))\b"
        r"|\bunsafe\b",
    ),
    (
        Cue.GAP,
        r"\b(?:didn'?t|did not|doesn'?t|does not|don'?t|do not|wasn'?t|weren'?t|hadn'?t|had not"
        r"|hasn'?t|has not|haven'?t|have not|isn'?t|aren'?t|not|no|never)\b"
        r"|\bwithout (?:ever |any |a |first |really )?(?!being\b|prompting\b|needing\b)\w+ing\b"
        r"|\bkept (?:pushing|pressing|probing|coming back|returning)\b|\brather than\b"
        r"|\binstead of\b"
        # the everyday words for a shortfall: "your stakeholder management was patchy", "the
        # budgeting answer felt underdeveloped", "presenting felt like a stretch for you"
        r"|\b(?:patchy|sketchy|wobbly|spotty|uneven|inconsistent|unconvincing|rudimentary"
        r"|under-?developed|under-?rehearsed|hit[- ]and[- ]miss)\b|\bless developed\b"
        r"|\bstill (?:developing|building|learning)\b|\bcame up short\b"
        # a qualification part done: "you're still on module 2", "still at Level 2"
        r"|\bstill (?:on|at|doing|completing|working (?:on|towards)) (?:module|level|part|stage"
        r"|unit|paper|year)\b"
        # judged in a word: "your meeting facilitation was quite passive", "the QC checks were
        # rushed", "Originality was low", "the handover felt disjointed"
        r"|\b(?:was|were|felt|seemed|looked|sounded|came across(?: as)?) (?:quite |rather |a bit "
        r"|a little |fairly |too |very |somewhat |largely |mostly )?(?:passive|rushed|unstructured"
        r"|incomplete|inaccurate|mechanical|disjointed|scattered|reactive|hesitant|flat"
        r"|theoretical|over-?optimistic|poor|low|narrow)\b(?![- ](?:risk|level|cost|carbon"
        r"|pressure|priority|fat|sugar|income|maintenance|temperature|voltage|light))"
        r"|\bfell behind\b|\bslipped\b|\bvaguely\b"
        r"|\bwithout (?:any |concrete |specific |real |clear )?(?:examples?|evidence|detail"
        r"|structure)\b"
        r"|\b(?:real |main |big )?challenge for (?:you|her|him|them)\b"
        r"|\btoo (?:optimistic|passive|hard-?line|quiet|complicated|complex|informal|casual"
        r"|blunt|negative|slow|much)\b"
        # what went wrong, told without a gap word (twelfth session, from the written described
        # gaps): "it would have been good to hear ...", "you should have asked", "left out the
        # time", "there was nothing about the team", "you only talked about billable hours"
        r"|\bit would have been (?:good|nice|great|helpful|useful|better) (?:to|if)\b"
        r"|\bwould have helped\b"
        r"|\b(?:you|I|he|she|they) (?:should|could|might) have (?!been (?:great|good|fine|worse)\b)"
        r"|\bleft (?:out|untouched|unanswered|unchecked|unsigned|incomplete|unfinished)\b"
        r"|\bnothing (?:about|on|to show)\b"
        r"|\bonly (?:talked|spoke|mentioned|focused|covered|discussed|described) (?:about|on)?"
        r"|\bover-?(?:promised|engineered|complicated)\b"
        r"|\blost (?:control|the thread|track)\b|\binterrupt(?:ed|ing)\b|\bcontradict(?:ed|ing)\b"
        r"|\bbarely (?:mentioned|covered|touched|addressed)\b"
        r"|\bcame across as (?:a bit |quite |rather |very |slightly )?(?:insensitive|arrogant|rude"
        r"|dismissive|abrupt|blunt|cold|curt|condescending|patroni[sz]ing|disengaged"
        r"|uninterested|flustered|impatient|negative|evasive|unprepared|rehearsed|scripted)\b"
        # the one chosen instead: "the appointed candidate had ...", "the nurse we appointed",
        # "our hire had run ...", "both finalists were ..."
        r"|\b(?:appointed|hired|chosen|successful|preferred) (?:candidates?|applicants?|person"
        r"|people|finalists?|nurse|engineer|teacher)\b"
        r"|\b(?:candidate|person|applicant|one|someone|nurse|engineer|teacher|consultant|grower"
        r"|pharmacist|artist|driver|chef|designer|developer|manager|officer|technician)s?"
        r" (?:we|they) (?:appointed|hired|chose|took on|went with|selected)\b"
        r"|\bour (?:new )?hire\b|\b(?:other|both|all the other|every other) (?:finalists?"
        r"|shortlisted (?:candidates?|applicants?))\b|\bthe (?:appointee|hire|person appointed)\b"
        r"|\bwent with (?:someone|a|an|another)\b"
        r"|\bsomeone else (?:on the shortlist|we (?:saw|interviewed|met))\b"
        # new to the candidate: "would be brand new to you", "new territory for you", "you'd be
        # starting from zero", "you've only done a handful", "you'd never produced one"
        r"|\bwould be (?:brand |completely |all |entirely )?new (?:to|for) (?:you|him|her|them)\b"
        r"|\bnew territory\b|\bstarting from (?:zero|scratch)\b"
        r"|\bonly (?:done|seen|used|had|fitted|run) (?:a handful|a few|once|twice)\b(?!-)"
        r"|\bnever (?:produced|done|built|run|led|written|designed|managed|fitted|installed"
        r"|operated|carried out)\b|\b(?:you|he|she|they) (?:can'?t|cannot)\b"
        r"|\b(?:is|are|was|were) (?:now |well )?out of date\b"
        r"|\bnothing (?:on|in) (?:your|his|her|their) (?:cv|resume|résumé|application)\b"
        # a practical that went wrong: "forgot to discharge the cable", "skipped the pressure
        # test", "out of spec for an hour", "an automatic fail", "broke the first-air principle",
        # "ignored the claims history", "coded wrongly", "ran dry", "went too deep", "were out by"
        r"|\bforgot\b|\bskipped\b|\bout of (?:spec|specification|tolerance|alignment"
        r"|sequence)\b|\b(?:an? )?(?:automatic |outright )?fail\b"
        r"|\bbroke\b(?! (?:down|even|the ice|through))|\bignored\b|\bwrongly\b"
        r"|\bran (?:out|dry)\b|\bwent too (?:deep|close|far|fast|long)\b"
        r"|\b(?:was|were) (?:way |well |slightly )?(?:off|out by)\b(?! (?:sick|work|duty|shift))"
        # what happened in a practical, told without a gap word: "On the practical your flat
        # fish filleting left flesh on the frame", "In the simulator you lost separation"
        r"|(?:^|(?<=[.!?;]\s)|(?<=\n))(?:in|on|during) (?:the|your) (?:[\w-]+ ){0,2}?(?:practical"
        r"|test|exercise|simulation|simulator|trial|role-?play|case study|assessment|task|drill"
        r"|observed lesson|screen test|mock-up)s?(?: day| shift)?,? (?:you|your|he|his|she|her"
        r"|they|their)\b(?! (?:were|was) (?:asked|given|shown|told)\b)"
        # advice in the imperative: "Learn Audition properly before ...", "Book onto an ILS
        # course", "I'd put some time into product visualisation"
        rf"|(?:^|(?<=[.!?;]\s)|(?<=\n)|(?<=[-•*:]\s)){ADVICE_START}"
        r"|\b(?:I'd|I would) (?:\w+ )?(?:build|spend|put|get|do|take|focus|work)\b"
        r"|\b(?:put|spend) (?:some |more |a bit of )?time (?:into|on)\b"
        r"|\boutside (?:our|the) (?:standard|tolerance|limits?|time allowed)\b"
        r"|\blet (?:the|your|his|her|their) (?:\w+ ){1,2}?down\b|\b(?:was|were) the (?:problem"
        r"|issue)\b|\b(?:beginner|novice)\b|\bonly (?:read|heard) about\b"
        r"|\bnot (?:yet )?(?:certified|qualified|registered|licensed|accredited)\b"
        r"|\b(?:was|were|felt|seemed|is|looked) (?:quite |rather |a bit |a little |fairly |too "
        r"|very )?basic\b(?! (?:level|salary|pay|rate|hours|training))"
        r"|\b(?:felt like|was|is|would be|seemed) (?:a bit of |quite |too much of )?a (?:big "
        r"|real )?stretch\b(?! (?:goal|target|assignment|role|opportunity))"
        r"|\b(?:is|was|were|are) (?:all |quite |fairly |still |relatively )?new to you\b"
        r"|\bkeep (?:working|building) (?:at|on)\b"
        r"|\b(?:lost|dropped|cost (?:you|her|him|them)) (?:\w+ )?marks\b"
        r"|\b(?:deciding|decisive) factor\b|\bsticking point\b|\btipped it\b"
        # "a stronger impression if you had asked questions for the panel": what was not done
        r"|\bif (?:you|she|he|they) (?:had|'d) (?:\w+ )?(?:asked|shown|mentioned|talked|explained"
        r"|given|brought|used|prepared|included|covered|demonstrated|checked|described|done"
        r"|referred|linked|quantified)\b",
    ),
    (
        Cue.GAP,
        r"\bmore (?:\w+\W+){0,3}?(?:experience|exposure|depth|familiarity|knowledge|"
        r"hands-on|practice|confidence|examples?|evidence|detail|structure|rigou?r|ownership|"
        r"focus|emphasis|background)|\bmore\b|\bdeeper\b|\bstronger\b|\bfurther\b|\bgreater\b"
        r"|\bbetter\b"
        r"|\bwould (?:also )?(?:have )?(?:liked|wanted|hoped|preferred|expected)"
        r"|\bwe'?d (?:also )?(?:have )?(?:liked"
        r"|wanted|"
        r"hoped|preferred|expected)|\bhoped to see|\bexpected to see|\blooking for (?:someone"
        r"|a candidate"
        r"|more|stronger|deeper)|\brecommend|\bsuggest|\bencourage"
        # "we'd advise ..."; not a form letter's "Please be advised that ..."
        r"|(?<!be )\badvis(?:e|ed)\b"
        r"|\badvis(?:es|ing)\b(?![ \t]+(?:the|a|an|clients?|companies|businesses|firms|charities"
        r"|councils|governments?|organi[sz]ations|public|on|across)\b)"
        r"|\bwould help"
        r"|\bcould help"
        r"|\bworth (?:investing|spending|learning|practi[sc]ing|looking|getting|brushing|building"
        r"|doing|booking|taking|completing|gaining|studying)"
        r"|\bconsider (?:\w+ing)\b|\bfocus(?:ing)? on\b|\bbrush(?:ing)? up"
        # "work on X" is advice; "your work on X", "schemes of work on the drive" are nouns
        r"|\b(?<!your )(?<!his )(?<!her )(?<!their )(?<!my )(?<!our )(?<!the )(?<!of )"
        r"(?<!bell )(?<!group )(?<!team )(?<!site )(?<!field )(?<!prep )(?<!class )(?<!desk )"
        r"work(?:ing)? on\b"
        r"|\bimprove(?!ments\b)\w*|\bdevelop(?:ing)? (?:your|stronger|more|deeper)"
        # "practise X" is advice; "our Practice Manager", "your last practice" are places
        r"|\b(?<!the )(?<!our )(?<!your )(?<!their )(?<!his )(?<!her )(?<!my )(?<!last )(?<!a )"
        r"(?<!in )(?<!dental )(?<!gp )practi(?:c|s)(?:e|ing)(?!\s+(?:managers?|nurses?|educators?"
        r"|development|area|environment|setting|team|lead|owner|standards?|guidance|based|partner)"
        # "your PPE practice in the simulation was excellent": the noun
        r"|\s+(?:in [\w\s]{1,30}?)?(?:was|were|is|are|has|had)\b)"
        r"|\bstrengthen\w*|\bbuild(?:ing)? (?:up|on|out) (?:your|more)|\binvest(?:ing)? (?:in|time)"
        r"|\b(?:other|another|successful|the chosen|selected) (?:candidates?|applicants?)\b|"
        r"\b(?:someone|candidates?|applicants?|person) (?:who|with|that)\b|\bcompared (?:to|with)"
        r"|\bgrowth areas?|\bareas? (?:for|of|to) (?:growth|development|improvement)"
        # "an area to develop", "something to build on", "a development point"
        r"|(?<!identify )(?<!spot )(?<!of )\b(?:areas?|something|one|things?) (?:for you )?to"
        r" (?:develop|work on|improve|build on"
        r"|grow|strengthen|focus on)\b(?! (?:across|within|in) (?:our|the) (?:whole |wider )?"
        r"(?:team|business|company|organi[sz]ation|department|sector))"
        r"|(?<!software )(?<!web )(?<!product )(?<!business )(?<!no )(?<!any )\bdevelopment"
        r" (?:areas?|points?|needs?|priorit(?:y|ies)|objectives?|goals?)\b"
        # "where you have the most room to grow"; not the employer's "plenty of room for growth"
        r"|(?<!of )(?<!with )(?<!offers )(?<!and )\broom (?:to (?:grow|improve|develop)|for"
        r" (?:growth|improvement|development))\b(?! into)"
        # "could have been sharper", "the write-up could be crisper"
        r"|\b(?:could|might|should) (?:have been|be) (?:(?:a )?(?:bit|little|touch|lot|much"
        r"|slightly|even|far) )?(?:sharper|tighter|clearer|crisper|stronger|deeper|better|punchier"
        r"|shorter|simpler|richer|fuller|firmer|smoother|quicker)\b"
        # "Time management was also raised", "your SQL was flagged"
        # downtoned criticism: "was a little directive", "came across as slightly rushed"
        r"|\b(?:was|were|seemed|felt|came across(?: as)?|looked|sounded) (?:a (?:bit|little|touch"
        r"|tad)|slightly|somewhat) (?!(?:more|better|less|ahead|above|higher|stronger|special"
        r"|different)\b)[a-z]+\b"
        # "Time management was also raised, as ...", "your SQL was flagged by two of us"; not
        # "when the issue was raised in the scenario" or "raised as a strength"
        r"|\b(?:was|were|has been|have been) (?:also |again )?(?:raised|flagged)\b"
        r"(?=\s*(?:[,.;:–—-]|$|(?:too|as well|again|by|as (?:a |an )?(?:concern|issue|gap|worry"
        r"|point))\b))"
        r"|\b(?:(?:good|logical|natural|useful|sensible|great) )?next steps?"
        r"|\bif you (?:can|could)|\bif you (?:build|get|gain|develop|learn|add|pick up)\b"
        r"|\bonce you(?!'re| are| join| start| arrive)"
        r"|\bget (?:more|some) (?:\w+ ){0,2}?(?:experience"
        r"|exposure)"
        r"|\btake (?:a|an) (?:\w+ ){0,3}?(?:course|certification)|\bgetting (?:a |an "
        r"|the )?(?:\w+ ){0,3}?certif"
        r"|\b(?:want|like|need|expect|love)(?:ed)? to see\b|\bbenefit(?:ted)? from\b"
        r"|\btighten\w*|\bsharpen(?:s|ed)?\b"
        # "sharpening up your answers", not "the proper sharpening monthly" (the task)
        r"|\bsharpening[ \t]+(?:up|your|his|her|their)\b|\bneeds?[ \t]+sharpening\b"
        r"|\bread(?:ing)? up on\b|\bget(?:ting)? familiar"
        r"|\bfamiliari[sz](?:e|es|ed|ing)\b|\bgain(?:ing)? (?:\w+ ){0,2}?(?:experience|exposure)"
        r"|\bwork(?:ing)? towards\b|\bupskill\w*"
        r"|\bwould make a (?:big |huge |real |significant |great )?difference\b"
        r"|\bshould (?:look (?:at|into)|learn|study|read up on|brush up|get)\b",
    ),
    (
        Cue.REQUIREMENT,
        r"\b(?:most|much|a (?:big|large|huge) part|the bulk|all) of (?:this|the|our)"
        r" (?:role|job|work|position)\b|\brequire[sd]?\b"
        # "a requirements workshop" names a meeting, not a requirement
        r"|\brequirements?\b(?!\s+(?:workshops?|gathering|capture|documents?|sessions?|elicitation"
        r"|engineering|specifications?|analysis))|\bneeds?\b|\bneeded\b|\bmust\b|\bessential"
        r"|\bcritical\b|\bcrucial|\bkey (?:to|for|part|requirement|skill)|\bimportant\b"
        r"|\bnecessary\b"
        r"|\bmandatory\b|\blooking for\b|\bwanted\b|\bprerequisite|\bexpect(?:ed|s)?\b"
        r"|\bcore (?:part|skill|requirement)|"
        r"\bthe role (?:involves|is|centres|centers|revolves)|\bday[- ]to[- ]day\b"
        # "the role is heavily focused on AWS" asks; "the editor uses GA heavily" describes
        r"|\bheavily (?:focused|based|weighted|involved|reliant|on|in)\b|\b(?:is|are) heavily\b|"
        # "production experience" asks; "you'd run Postgres in production" says where it ran
        r"\bdaily\b|\bhands-on\b|\b(?<!in )production\b|\bfluency|\bproficien\w+"
        r"|\bnon-negotiable"
        # "fluent French is essential" asks; "he is fluent in SolidWorks", "your kubectl was
        # fluent" praise
        r"|\b(?<!he is )(?<!she is )(?<!you are )(?<!they are )(?<!I am )(?<!'re )(?<!'s )(?<!'m )"
        r"(?<!was )(?<!were )fluent"
        r"|(?:'d|\bwould) (?:also |still |really |ideally )?"
        r"(?:want|need|expect|require|like to see)\b"
        r"|\bwants? (?:\w+ ){0,2}?(?:experience|someone|a candidate|evidence|exposure|people"
        r"|knowledge)\b"
        r"|\b(?:we|they|the team|the client|the practice)(?: also| really)? want (?:\w+ ){1,3}?"
        r"(?:who|with|that)\b"
        # "We would also like the person in this role to hold WSET Level 3": the post asks it
        r"|(?:'d|\bwould) (?:also |really |ideally )?(?:like|prefer|want) (?:the (?:person"
        r"|candidate|successful candidate|post-?holder|job-?holder)|someone|whoever)"
        r"(?: \w+){0,3}? to (?:hold|have|be (?:qualified|registered|certified|trained|licensed))\b",
    ),
    (
        Cue.STRENGTH,
        r"\bstrong\b|\bexcellent\b|\bimpress\w*|\bgreat\b|\bsolid\b|\bgood\b|\bwell\b"
        r"|\benjoyed\b|\bliked\b|\bloved\b|\bappreciated\b|\bfantastic\b|\boutstanding\b"
        r"|\bclearly\b"
        r"|\bstrengths?\b|\bpraised\b|\bstood out\b|\bconfident\b|\bcompetent(?:ly)?\b|\bthorough\b"
        r"|\bexceptional\b|\bimpeccable\b|\bnailed\b|\bshone\b|\bshowed (?:real|great|strong|deep)|"
        r"\bno (?:concerns|issues|doubts?)\b|\bhappy with\b|\bpleased with\b|\bcomfortable with\b"
        r"|\bfine\b|\blovely\b|\bnice\b|\bbeautiful\b|\bimpressive\b|\bwent well\b|\bcame through"
        r"|\bspot on\b|\b(?:one of )?the highlights?\b|\bmore clearly than\b"
        r"|\b(?:he|she|you|they|I)(?: is| are| am|'re|'s|'m) fluent\b|\b(?:was|were) fluent\b"
        # "miles ahead of the other finalist": better than the field
        r"|\b(?:miles|streets|well|head and shoulders) (?:ahead|above)\b"
        # "you'd obviously run Postgres in production": what the candidate has plainly done
        r"|(?:'d|'ve|\bhad|\bhave|\bhas) (?:obviously|evidently|certainly|definitely)\b"
        r"|\bclean\b(?! up)|\baccurate\b|\btidy\b|\bneat(?:ly)?\b"
        # a note's verdict: "- MIG ok", "boards + toe boards fine, ledgers level. ok"
        r"|\b(?:ok|okay)\b(?=[ \t]*(?:[.;,)\n]|$|but\b|though\b)|\s[-–—]\s)"
        r"|\bpassed\b(?! (?:on|along|over|to|back|through))"
        r"|\b(?:was|were|is|are|seemed|felt|looked) (?:\w+ )?sound\b"
        r"|\bsound (?:knowledge|understanding|grasp|judgement|judgment|grounding|foundations?)\b"
        # a good score on a scorecard: "Communication 4/5"
        r"|(?<![/\d.])[3-5](?:\.5)?\s*/\s*5\b(?!\s*/)|(?<![/\d.])(?:[6-9]|10)(?:\.5)?\s*/\s*10\b(?!\s*/)"
        # What the candidate has done instead is theirs, not a gap: "you have mostly worked in
        # Splunk", "you normally rely on manual testing".
        r"|\b(?:have|has|had|'ve|'d)\s+(?:mostly|mainly|largely|primarily|always)\s+(?:worked"
        r"|used|done)\b"
        r"|\b(?:normally|usually|always|mostly|mainly|generally)"
        r" (?:rel(?:y|ies|ied)|depend(?:s|ed)?) on\b"
        # "your examples were mainly about onboarding and support tickets": what they have done
        r"|\b(?:examples?|experience|background|answers?|stories) (?:was|were|is|are|has been"
        r"|have been) (?:mainly|mostly|largely|primarily|almost all|all|entirely) (?:about|around"
        r"|in|from|with)\b",
    ),
    (
        Cue.NICE,
        r"\bnice[- ]to[- ]have|\ba (?:big |huge |strong )?plus\b|\bbonus\b|\bpreferred\b"
        r"|\bpreferabl\w+|\bideally\b|\bdesirable\b|\badvantage\w*|\bhelpful\b|\bwould be great"
        r"|\bnot (?:required|essential|mandatory)|\boptional\b|\bgood to have|\bextra credit",
    ),
)
# Every alternative starts at a word boundary; saying so once up front lets the engine reject
# the positions inside words with one test instead of one per alternative.
_COMPILED = tuple((cue, re.compile(rf"\b(?:{rx})", re.I)) for cue, rx in _PATTERNS)


def lower_literals(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased and its escapes (``\\b``, ``\\W``) kept:
    run without re.I over lower-cased text, it matches what ``pattern`` matches with re.I."""
    out: list[str] = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    return "".join(out)


# The same patterns without re.I, run over the lower-cased text: case-insensitive matching makes
# Python's engine fold every character it tries, and the cue scan is the extractor's hottest
# loop (about a third faster this way). Used when lower-casing keeps every offset ("İ" does not).
_COMPILED_LOWER = tuple((cue, re.compile(lower_literals(rx.pattern))) for cue, rx in _COMPILED)


def patterns(*cues: Cue) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of these kinds of cue, in order (segment.py reuses the words)."""
    return tuple(rx for c, rx in _COMPILED if c in cues)


def find_cues(text: str, start: int, end: int) -> list[CueHit]:
    """All cues in ``text[start:end]``, praise words that are negated dropped."""
    hits: list[CueHit] = []
    lower = text.lower()
    scan, compiled = (lower, _COMPILED_LOWER) if len(lower) == len(text) else (text, _COMPILED)
    for cue, rx in compiled:
        for m in rx.finditer(scan, start, end):
            if cue is Cue.STRENGTH and NOT_PRAISE.search(
                text[max(start, m.start() - 45) : m.start()]
            ):
                continue
            if cue is Cue.STRENGTH and overlaps(hits, m.start(), m.end()):
                continue
            if (
                cue is Cue.GAP
                and _COUNTING.match(text, m.end())
                and m.group(0).lower() in ("more", "greater")
            ):
                continue  # "used by more than 3,000 companies" counts, it names no gap
            if (
                cue is Cue.GAP
                and m.group(0).lower() in ("more", "further")
                and _NOT_MORE_OF_IT.search(text, max(start, m.start() - 12), m.end() + 30)
            ):
                continue  # "six months or more of cash handling", "no further action": no gap
            if (
                cue is Cue.GAP
                and m.group(0).lower() in ("more", "better", "stronger", "deeper", "greater")
                and _THAN_ANYONE.match(text, m.end())
            ):
                continue  # "explained it more clearly than anyone else we saw": praise
            if (
                cue is Cue.GAP
                and m.group(0)[:5].lower() == "focus"
                and _A_FOCUS.search(text, max(start, m.start() - 8), m.start())
            ):
                continue  # "with a strong focus on candidate experience" describes, not advises
            if (
                cue is Cue.GAP
                and m.group(0).lower() == "practice"
                and _A_PRACTICE.search(text, max(start, m.start() - 40), m.start())
            ):
                continue  # "a Xero partner practice", "a small animal practice": a workplace
            if cue is Cue.NICE and _WAS_A_PLUS.search(text, max(start, m.start() - 12), m.start()):
                cue = Cue.STRENGTH  # "same as your current place, so that was a plus"
            qualifier = _QUALIFIER.fullmatch(m.group(0))
            if cue is Cue.STRENGTH and qualifier and _asked_before(hits, m.start()):
                continue  # "requires a qualified CPA and strong US GAAP": a bar, not praise
            hits.append(CueHit(cue, m.start(), m.end()))
    hits = [h for h in hits if not found_it(text, start, h) and not someone_else(text, start, h)]
    return outside_praise(text, start, end, praise_idioms(text, start, end, hits))


# "used by more than 3,000 teams" counts (but "more than two years of SQL" is a bar).
_COUNTING = re.compile(
    r"\s+than\s+(?:\d[\d,.]*\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands"
    r"|a (?:dozen|hundred|thousand|million))\b(?!\s+(?:\w+\s+)?(?:years?|months?)\b)",
    re.I,
)
# "no further action will be taken": a form letter's wording, not "further experience".
_NOT_MORE_OF_IT = re.compile(r"\bno further action\b", re.I)
# "more clearly than anyone else we saw", "better than most of the panel": praise.
_THAN_ANYONE = re.compile(
    r"(?:\s+[\w-]+)?\s+than\s+(?:anyone|anybody|any other|everyone|everybody|most|all (?:the )?"
    r"other|the (?:other|rest)|(?:the )?other (?:candidates|applicants|interviewees|finalists))\b",
    re.I,
)
# "that was a plus", "which is a bonus": what the candidate has, not a nice-to-have.
_WAS_A_PLUS = re.compile(r"\b(?:that|which|this|it)(?:'s|’s| is| was| were)\s+$", re.I)
_A_FOCUS = re.compile(r"\b(?:a|strong|real|clear|good|great)\s+$", re.I)
_A_PRACTICE = re.compile(
    r"\b(?:a|an|the|our|their|your|his|her|my|this|that)\s+"
    r"(?:(?!(?:more|extra|further|some|regular|deliberate)\b)[\w-]+\s+){1,2}$",
    re.I,
)
_QUALIFIER = re.compile(
    r"strong|solid|good|excellent|great|deep|confident|thorough|competent|comfortable with"
    r"|proficient",
    re.I,
)


def _asked_before(hits: list[CueHit], pos: int) -> bool:
    return any(h.cue is Cue.REQUIREMENT and h.end <= pos for h in hits)


_SEPARATOR = re.compile(r"[,;]|\b(?:but|however|although|though|whereas)\b", re.I)
_ACROSS = 40
_RANK = {Cue.STRONG_GAP: 0, Cue.GAP: 1, Cue.REQUIREMENT: 2, Cue.NICE: 3, Cue.STRENGTH: 4}


def framing_for(text: str, hits: list[CueHit], mention_start: int, mention_end: int) -> Cue | None:
    """The cue that frames a mention: the nearest one, gap cues winning ties and overlaps.

    Praise only wins when it is nearer than every gap or requirement cue, so "strong Python
    but limited Kubernetes" frames each skill by its own words.
    """
    # A praise or requirement word inside the skill's name ("requirements gathering", "clean
    # code") frames
    # nothing; a cue across a comma or semicolon is further away than its characters say, so
    # "strong on frontend, weaker on the backend" frames each side by its own word.
    # "ran out of time" is a gap and a skill; "practice" in "reflective practice" or "improve"
    # in "continuous improvement" is a word of the name, not advice to practise.
    inside = (Cue.STRENGTH, Cue.REQUIREMENT, Cue.NICE, Cue.GAP)
    hits = [
        h
        for h in hits
        if not (h.cue in inside and mention_start <= h.start and h.end <= mention_end)
    ]
    if not hits:
        return None

    def distance(h: CueHit) -> int:
        if h.end <= mention_start:
            gap = (h.end, mention_start)
        elif h.start >= mention_end:
            gap = (mention_end, h.start)
        else:
            return 0
        between = text[gap[0] : gap[1]]
        return gap[1] - gap[0] + (_ACROSS if _SEPARATOR.search(between) else 0)

    other = [h for h in hits if h.cue is not Cue.STRENGTH]
    # "strong SQL is essential": an adjective right before the skill is not praise when the
    # clause also states a requirement or a gap.
    praise = [
        h
        for h in hits
        if h.cue is Cue.STRENGTH
        and not (other and h.end <= mention_start and not text[h.end : mention_start].strip())
    ]
    if other:
        best = min(other, key=lambda h: (distance(h) // 40, _RANK[h.cue], distance(h)))
        if not praise or distance(best) <= min(distance(p) for p in praise) + 3:
            return best.cue
    return Cue.STRENGTH if praise else None
