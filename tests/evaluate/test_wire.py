"""Team-written political wire articles, built and scored, micro F1 held above floors.

tests/data/wire: thirty-three articles read only as aggregate scores (a check set, see its README);
tests/data/tune-wire: two hundred and seventy-one articles rules may be debugged on (a tune set, see its README).
"""
from __future__ import annotations

import pytest

from kg.evaluate.gold import SECTIONS, Section, load_gold, score
from tests.conftest import DATA

# Measured 2026-11-30 on wire (micro F1; event dates: accuracy), floors about 0.05 under.
# the first five articles, before the rule work of that session: entities 0.862 roles 0.710 events 0.500 statements 0.759
# all eleven, at the session's start (d156a91): entities 0.850 roles 0.633 events 0.510 statements 0.747 dates 24/26
# all eleven, at its end:                       entities 0.857 roles 0.667 events 0.510 statements 0.760 dates 24/26
# Measured 2026-12-01: wire at the session's start (54e90e6) as above, at its end entities 0.893 roles 0.723 events
# 0.548 statements 0.854 dates 29/31; tune-wire as written, before any rule was debugged on it (54e90e6): entities
# 0.901 roles 0.698 events 0.300 statements 0.824 dates 21/22; after the rules debugged on it: entities 0.957 roles 0.863
# events 0.438 statements 0.887 dates 32/32.
# Measured 2026-12-01 (second session): wire with its third batch (six Wikinews-style articles, 6452a15), before any
# rule of that session: entities 0.855 roles 0.734 events 0.498 statements 0.850 dates 41/44; the six alone: entities
# 0.808 roles 0.750 events 0.413 statements 0.844 dates 12/13.
# Statements: wire's first eleven gold files count unquoted reported speech as statements, the Wikinews gold, tune-wire
# and wire's Wikinews-style six as optional at most; since a paraphrase is no statement (events.unquoted_speech) the
# first eleven measured 0.697 (P 0.939 R 0.554), Wikinews check 0.714 (from 0.633).
# After the session's first five branches: wire (17) entities 0.865 roles 0.830 events 0.552 statements 0.803 dates
# 48/50 (its six Wikinews-style articles: entities 0.821 roles 0.828 events 0.479 statements 0.966 dates 15/16);
# tune-wire (22, ten of them new and written blind: see each branch's commit) entities 0.948 roles 0.886 events 0.589
# statements 0.962 dates 77/79.
# At the session's end: wire entities 0.867 roles 0.830 events 0.554 statements 0.803 dates 48/50 (the six: entities
# 0.821 roles 0.828 events 0.484 statements 0.966 dates 15/16); tune-wire entities 0.954 roles 0.886 events 0.614
# statements 0.962 dates 80/82.
# s4-ent: two blind tune-wire articles (Peru regional elections, PhilHealth cyberattack) as written: entities 0.642 and
# 0.947; after the entity-precision rules: wire entities P 0.852 -> 0.860 R 0.881 -> 0.895 (F1 0.867 -> 0.877).
# s5-rol2: two blind tune-wire articles (Czech government sworn in, Guinea-Bissau military takeover) as written: roles
# 0.783 and 0.462 (entities 0.828 and 0.936).
# s5-org: two blind tune-wire articles (African Union summit on eastern Congo, Transnet tender search) as written:
# entities F1 0.929 and 0.900; after the organisation rules 0.981 and 0.976.
# End of the third session of 2026-12-01 (all branches merged): wire (23, six added blind this session) entities 0.879
# roles 0.825 events 0.568 statements 0.827 dates 77/80, against 0.868 0.819 0.553 0.827 74/76 with the session's start
# code; its fourth batch alone 0.871 0.794 0.571 0.909 27/27 (start: 0.871 0.794 0.550 0.909 26/26); tune-wire (36)
# entities 0.950 roles 0.870 events 0.643 statements 0.959 dates 142/143.
# 2026-12-01, fourth session: a fifth blind batch of six Wikinews-style articles (ae811ab), scored with the code
# before any rule of that session (16bcbeb): the six entities 0.868 roles 0.812 events 0.571 statements 0.877 dates
# 20/20; wire (29) entities 0.876 roles 0.822 events 0.569 statements 0.839 dates 97/100.
# 2026-12-02 (fifth session): tune-wire gained four Wikinews-style articles written blind (s7-tw; as written, with the
# code of 7c29804: entities 0.924 roles 0.571 events 0.657 statements 1.000 dates 16/16). At the session's end: wire (29)
# entities 0.880 roles 0.856 events 0.591 statements 0.839 dates 104/107 (start: 0.878 0.822 0.572 0.839 98/101);
# tune-wire (40) entities 0.958 roles 0.918 events 0.683 statements 0.960 dates 169/170.
# 2026-12-02 (sixth session): five more written blind (s8-tw2, b780f05; as written, with the code of cbf707e: entities
# 0.874 roles 0.966 events 0.400 statements 0.923 relations 0.000 dates 13/16); tune-wire (45) entities 0.949 roles
# 0.923 events 0.647 statements 0.958 dates 182/186, every floor still held.
# Five more written blind (s8-tw1, 617fd3b: a 2013 recount in Venezuela, tear gas in Hong Kong in 2014, the AU
# readmitting Morocco, Zuma's contempt sentence, Sunak sacking Braverman), as written, code of cbf707e: entities 0.883
# roles 0.724 events 0.457 statements 0.867 dates 13/13; tune-wire (45, without s8-tw2's) with them: entities 0.951
# roles 0.898 events 0.652 statements 0.953 dates 182/183 (floors unchanged).
# Five more written blind (s9-tw3, f17f074: Kenya's 2010 constitution referendum, Guttenberg's resignation, the Sousse
# attack's arrests, Xi's state visit to the UK, the FARC final accord), as written, code of afc4aa9 (the session's
# merges): entities 0.893 roles 0.853 events 0.500 statements 0.917 dates 17/17.
# At the sixth session's end (code ca9fed0): wire (29) entities 0.886 roles 0.856 events 0.598 statements 0.839 dates
# 107/110; tune-wire (55) entities 0.947 roles 0.906 events 0.664 statements 0.948 dates 231/233 (the session's start
# code on the same 55: 0.938 0.902 0.612 0.948, 212/216); wire events floor raised to 0.55.
# 2026-12-02 (seventh session): wire gained four Wikinews-style articles written blind (39cefdf; as written, with the
# code of the session's start: entities 0.952 roles 0.789 events 0.627 statements 1.000 dates 8/9).
# Five more written blind (s10-rol, bb9fdc8: Bishop's first trip in 2013, Trudeau's cabinet in 2015, Scholz elected in
# 2021, Boric's inauguration, Meloni's government sworn in), as written, code of d577261: entities 0.959 roles 0.701
# events 0.597 statements 0.875 dates 19/20. After s10-rol's role rules (5bb108e): the five entities 0.973 roles 0.925
# events 0.588 statements 0.875 dates 19/20; tune-wire (60) entities 0.951 roles 0.915 events 0.658 statements 0.947
# dates 250/253 (before: 0.948 0.877 0.659 0.945 250/253); wire (29) entities 0.887 roles 0.860 events 0.598
# statements 0.843 dates 107/110 (before: 0.886 0.856 0.598 0.839 107/110); Wikinews tune and check unchanged.
# Five more written blind (s10-evt, be7e45c: the Commons voting down May's Brexit deal, the Singapore summit, the 2010
# ash cloud, US troops against Ebola in Liberia, Egypt seizing the Ever Given), as written, code of d577261: entities
# 0.920 roles 0.944 events 0.554 statements 0.857 dates 19/19. After that branch's event rules (4b87753): tune-wire (60)
# entities 0.944 roles 0.906 events 0.668 statements 0.946 dates 261/262 (0.652 and 250/252 before them); wire unchanged.
# Five more written blind (s10-stm, 1aecedc/c862ead: the Greek bailout referendum, bin Laden's killing, the Catalan
# referendum, the Myanmar coup, South Korea's martial law), as written, code of a3e82c7: entities 0.955 roles 0.857
# events 0.528 statements 0.862 dates 14/14.
# Five more written blind (s11-evt, c83e3a0: Microsoft agreeing to buy LinkedIn, the Germanwings crash, Apple v Samsung's
# San Jose verdict, the first Falcon Heavy launch, the Nepal earthquake), as written, code of 289c80e: entities 0.902
# roles 0.828 events 0.429 statements 0.941 dates 8/8. After s11-evt's event rules (aa4a752): the five events 0.625
# dates 10/10; tune-wire (80) events 0.654 dates 319/321 (0.642, 315/317 before); wire (33) events 0.604 (0.600 before);
# Wikinews tune events 0.741 (0.729), check 0.581 held; other sections unchanged.
# Five more written blind (s11-ent, e8e2657: Bank of America and Merrill Lynch with Lehman's bankruptcy, Air Berlin's
# sale talks, the Galaxy Note 7 halt, Microsoft buying Nokia's phones, Toshiba's accounting scandal), as written, code of
# 289c80e: entities 0.882 roles 0.800 events 0.538 statements 0.846 dates 6/6. After that branch's entity rules (7816860): the
# five entities 0.970 roles 0.889 events 0.560 statements 1.000; tune-wire (80) entities 0.950 roles 0.909 events 0.648
# statements 0.953 dates 313/315 (before: 0.943 0.904 0.647 0.947 313/315); wire entities 0.897 (P 0.864 -> 0.865), the
# rest unchanged; Wikinews check entities 0.878 -> 0.882, tune unchanged.
# Five more written blind (s11-rol, 3730554: Boeing removes Muilenburg, Volkswagen names Müller, Kalanick leaves Uber,
# Blatter to step down at FIFA, Ghosn arrested), as written, code of 289c80e: entities 0.946 roles 0.677 events 0.436
# statements 0.857 dates 8/10. After s11-rol's role rules (fa492e2): the five roles 0.789; tune-wire (80) entities 0.948
# roles 0.902 events 0.642 statements 0.947 dates 315/319 (roles 0.894 before); wire (33) roles 0.859 (0.855 before),
# the other sections unchanged; Wikinews check unchanged.
# End of the eighth session (2026-12-02): wire (33) entities 0.897 roles 0.859 events 0.607 statements 0.857 dates
# 115/119; tune-wire (90) entities 0.947 roles 0.904 events 0.645 statements 0.949 dates 334/338; wire floors raised to
# about 0.04 under.
# Five more written blind (s12-evt, 850bb88: a migrant boat capsizing off Libya, Hong Kong's airport protest, Suu Kyi
# charged after the coup, the 2017 Mexico quake, Lula's conviction), as written, code of 4aee70c: entities 0.872 roles
# 0.609 events 0.485 statements 0.824 dates 16/16. After s12-evt's event rules (2710084): the five events 0.640 dates
# 20/20; tune-wire (95) events 0.649 dates 357/361 (0.633, 350/354 before); wire (33), Wikinews tune and check, PLOVER
# unchanged.
# Five more written blind (s12-dip, 6588b3f: NATO's Vilnius summit, the UN oil cap on North Korea, the US exit from the
# Iran deal, Pompeo in Seoul after Singapore, Xi's state visit to Moscow), as written, code of 4aee70c: entities 0.963
# roles 0.917 events 0.687 statements 0.783 dates 27/30. After s12-dip's event and role rules (7fd66ea): the five entities
# 0.972 roles 0.944 events 0.724 statements 0.909 dates 31/34; tune-wire (95) entities 0.948 roles 0.907 events 0.657
# statements 0.948 dates 369/377 (before: 0.948 0.904 0.648 0.943 361/368); wire (33) roles 0.862 events 0.615 dates
# 117/122 (before: 0.859 0.607 115/119), entities and statements unchanged; Wikinews tune and check unchanged.
# 2026-12-03 (eleventh session, all branches merged): wire (33) entities 0.901 roles 0.862 events 0.632 statements 0.857
# relations 0.286 dates 122/127 (session start: 0.900 0.862 0.618 0.857 0.133 118/123); tune-wire (115, ten added blind
# by s14-evt and s14-rol, see its README) entities 0.946 roles 0.897 events 0.672 statements 0.949 relations 0.419
# dates 466/475. Floors for events raised and relations (a post in a party, capitals) given one. Ten more written
# blind that day by s15-evt and s15-ent (see the README): the set (125) as merged is measured in the closing note.
# 2026-12-03 (twelfth session): twenty more written blind by s16-pevt, s16-bevt, s16-ent and s16-brol (see the README);
# the set (145) as merged: entities 0.937 roles 0.885 events 0.655 statements 0.944 relations 0.422 dates 550/563.
# Five more written blind by s17-pol (political, Wikinews style; see the README): the set is 150.
# 2026-12-03 (s17-biz): five business, court and technology articles written blind (see the README): the set (155 with s17-pol's)
# entities 0.936 roles 0.876 events 0.650 statements 0.943 relations 0.417 dates 564/577 as written; after the
# branch's six rules 0.937 0.882 0.653 0.943 0.419 567/580; wire (33) statements 0.861 (from 0.857).
# 2026-12-03 (s19-evt, s19-ent, s19-stm, s19-rol): eight articles written blind (see the README): the set is 163.
# 2026-12-03 (s20-rol, s20-ent, s20-biz, s20-stm, s20-law): nine business, technology and court articles written blind
# (see the README; s20-ent's second article was left out): the set is 172.
# 2026-12-04 (sixteenth and seventeenth sessions): wire (33) entities 0.902 roles 0.866 events 0.646 -> 0.651
# statements 0.865 relations 0.276 -> 0.271 dates 127/132; tune-wire (172) entities 0.937 -> 0.937 roles 0.877 -> 0.886
# events 0.660 -> 0.665 statements 0.941 -> 0.945 relations 0.429 -> 0.440 dates 671/686. Floors unchanged.
# 2026-12-04 (s25-rol): four political articles in the style of Wikinews written blind for roles (see the README): the set is 176.
# After the branch's role rules, tune-wire (176) roles 0.883 -> 0.889 (tp 921 -> 931, fp 59 -> 58), entities 0.936, the
# rest unchanged; wire (33) unchanged. Floors unchanged.
# 2026-12-04 (s25-stm): four more written blind for statements (see the README): the set is 180.
# End of the eighteenth session (all branches merged): wire (33) entities 0.902 roles 0.866 events 0.651 -> 0.657
# statements 0.865 relations 0.271 dates 127/132 -> 129/134; tune-wire (180) entities 0.936 roles 0.886 events 0.675
# statements 0.952 relations 0.406 (the eight new articles add 15 false relations) dates 702/717. Floors unchanged.
# 2026-12-05 (s26-evp): four political articles written blind for events (see the README): the set is 184. As written
# (5ed2f0f) the four: entities 0.976 roles 0.933 events 0.648 statements 0.966 dates 16/16; after the branch's event
# rules 0.686, dates 17/17. Tune-wire (184) events 0.675 -> 0.676 (tp 924 -> 925, fp 451 -> 450) dates 718/733 ->
# 719/734, the rest unchanged (entities 0.936 roles 0.887 statements 0.952 relations 0.406); wire (33) unchanged
# (events 0.657); Wikinews events tune/check 0.726/0.597 -> 0.726/0.602. Floors unchanged.
# 2026-12-05 (s26-ent): four articles written blind for entities (see the README): the set is 188 with s26-evp's. As written (5ed2f0f):
# tune-wire (184) entities 0.935 roles 0.882 events 0.676 statements 0.953 relations 0.402 dates 713/728. After the
# branch's entity rules (89292b7): tune-wire (184) entities 0.935 -> 0.938 (fp 266 -> 247, fn 219 -> 213) events 0.676
# -> 0.678 relations 0.402 -> 0.410 dates 715/730, roles and statements unchanged; wire (33) entities 0.902 -> 0.905,
# the rest unchanged; Wikinews tune/check entities 0.887/0.882 -> 0.896/0.884, the rest unchanged. Floors unchanged.
# 2026-12-05 (s26-evb): four articles of non-political news events written blind (see the README): the set is 192 with
# s26-evp's and s26-ent's. As written, the four: entities 0.840 roles 0.800 events 0.571 statements 0.842 dates 10/11;
# after the branch's rules events 0.635 dates 12/13. Tune-wire (184) events 0.673 -> 0.674 (tp 919 -> 921, fp 444 ->
# 442) dates 712/728 -> 714/730, the rest unchanged; wire (33) events 0.657 -> 0.662 (tp 178 -> 179, fp 80 -> 78);
# Wikinews tune/check and PLOVER unchanged. Floors unchanged.
# 2026-12-05 (s27-prd): four articles written blind for entity typing (see the README): the set is 196. As written
# (d783c52), the four: entities 0.818 roles 0.556 events 0.556 statements 0.833 relations 0.000 dates 5/5; after the
# branch's rules entities 0.865 roles 0.632 statements 1.000, the rest unchanged. Tune-wire (196) entities 0.935 -> 0.936
# (tp 3684 -> 3686, fp 281 -> 274, fn 232 -> 230) roles 0.881 (tp 989 -> 990) statements 0.950 -> 0.952, the rest
# unchanged; wire (33) unchanged (entities 0.905); Wikinews tune/check entities 0.896/0.884 -> 0.899/0.886, relations
# tune 0.795 -> 0.805, the rest unchanged; PLOVER unchanged. Floors unchanged.
# 2026-12-05 (s27-evt): four political articles written blind for events (verdict, ceasefire collapse, EU sanctions,
# disputed election; see the README): the set is 196. As written, the four: entities 0.938 roles 0.889 events 0.752
# statements 0.938 dates 20/21; after the branch's rules events 0.788 dates 21/22. Tune-wire (196) events 0.680 -> 0.681
# (tp 1002 -> 1003, fp 475 -> 470, fn 470 -> 469) dates 764/781 -> 765/782, the rest unchanged; wire (33) and Wikinews
# tune/check unchanged. Floors unchanged.
# 2026-12-05 (s27-rol): four articles of posts and statements written blind (see the README): the set is 196. As
# written, the four: entities tp 52 fp 2 fn 3, roles tp 16 fp 0 fn 5, events tp 9 fp 9 fn 5, statements tp 20 fp 0 fn 2;
# after the rules entities tp 53 fp 1, roles tp 17, events tp 10, statements 22/22. Tune-wire (196) entities fp 262 ->
# 260 fn 224 -> 222, roles tp 1000 -> 1002, statements 0.952 -> 0.953, events tp 973 -> 974; wire and Wikinews
# tune/check unchanged. Floors unchanged.
# 2026-12-05 (s28-rol): four articles of posts and statements written blind (see the README): the set is 208. As
# written, the four: entities tp 73 fp 4 fn 5, roles tp 12 fp 3 fn 16, events tp 4 fp 12 fn 10, statements tp 23 fp 1
# fn 2; after the rules entities tp 76 fp 3 fn 2, roles tp 17 fn 11, statements 25/25. Tune-wire (208) entities tp 3858
# -> 3861, roles 0.876 -> 0.879 (tp 1028 -> 1034), statements 0.953 -> 0.955 (tp 675 -> 677), events tp 1022 -> 1023,
# dates 781/798 -> 782/799; wire (33) and Wikinews tune/check unchanged. Floors unchanged.
# 2026-12-05 (s28-evp): four political and economic articles written blind for events' participants (retaliatory
# tariffs and lifted sanctions, air strikes and border shelling, a state visit with a loan pledge, a blocked takeover
# and a drone ban; see the README): the set is 208. As written (code of 60064be), the four: entities 0.963 roles 0.737
# events 0.805 (tp 31 fp 2 fn 13) statements 0.867 dates 17/19; after the branch's rules events 0.835 (tp 33 fp 2 fn 11)
# statements 0.903. Tune-wire (208) events 0.683 -> 0.684 (tp 1049 -> 1053, fn 490 -> 486) statements 0.951 -> 0.952
# dates 794/813 -> 795/814, the rest unchanged; wire (33), Wikinews tune/check unchanged; PLOVER type 0.866/0.866, dyad
# 0.822/0.767 -> 0.822/0.774. Floors unchanged.
# 2026-12-05 (s28-evt): four articles of events beyond diplomacy written blind (verdict, fuel-tax protests and a ban,
# a presidential run-off, floods; see the README): the set is 208. As written, the four: entities tp 57 fp 3 fn 3, roles
# tp 7 fp 2 fn 4, events tp 19 fp 15 fn 22, statements tp 9, dates 12/12; after the rules events tp 24 fp 12 fn 17,
# dates 16/16. Tune-wire (208) events 0.675 -> 0.681 (tp 1037 -> 1049, fp 498 -> 494, fn 499 -> 487) dates 789/806 ->
# 799/816, the rest unchanged; wire (33), Wikinews tune/check and PLOVER unchanged. Floors unchanged.
# 2026-12-05 (s29-rol): four articles of posts in political news written blind (a by-election with party leaders,
# New Zealand coalition talks, White House/Kremlin/Elysee briefings, a Portuguese reshuffle; see the README): the set
# is 220. As written (code of 96fdc24), the four: entities tp 72 fp 5 fn 6, roles 0.596 (tp 17 fp 7 fn 16), events
# tp 25 fp 14 fn 12, statements tp 10 fp 1, relations tp 6 fp 2 fn 11, dates 10/10; after the rules roles 0.903 (tp 28
# fp 1 fn 5), entities tp 76 fp 4 fn 2, relations tp 8 fp 1 fn 9. Tune-wire (220) roles 0.870 -> 0.881 (tp 1066 ->
# 1082, fp 82 -> 73, fn 236 -> 220) entities 0.939 -> 0.940 relations 0.408 -> 0.423, the rest unchanged; wire (33)
# roles 0.866 -> 0.860 (one post of a seat of power its gold codes as the state's), the rest unchanged; Wikinews check
# roles 0.655 -> 0.678, tune unchanged. Floors unchanged.
# 2026-12-05 (s29-ent): four articles of entity typing written blind (products beside their makers, analysts and
# markets, airlines named after states and cities, clubs, federations and awards; see the README): the set is 220. As
# written, the four: entities tp 82 fp 14 fn 3 (0.906) roles tp 7 fp 3 fn 5 events tp 11 fp 11 fn 13 statements tp 12
# fp 1 dates 8/8; after the rules entities tp 83 fp 10 fn 2 (0.933) roles tp 9 fp 2 fn 3. Tune-wire (220) entities tp
# 4066 -> 4067 fp 293 -> 289 fn 246 -> 245, roles 0.875 -> 0.876 (tp 1056 -> 1059, fp 78 -> 79, fn 225 -> 222),
# relations fp 70 -> 68, the rest unchanged; wire (33) and Wikinews tune unchanged; Wikinews check roles 0.655 -> 0.678.
# Floors unchanged.
# 2026-12-05 (s29-rel): four articles of lasting relations written blind (a state election's party memberships, an EU
# summit's member states, a company's units, rebels and an opposition alliance; see the README): the set is 220. As
# written, the four: relations tp 10 fp 3 fn 12 (0.571); after the rules tp 12 fp 2 fn 10 (0.667). Tune-wire (220,
# seed 0) relations 0.424 -> 0.437 (tp 54 -> 56, fp 68 -> 67), roles fp 76 -> 75, the rest unchanged; wire (33),
# Wikinews tune/check unchanged. Floors unchanged.
# 2026-12-05 (s29-evt): four articles of events told with background, passively or as nouns, written blind (sanctions
# extended with their first imposition, a takeover, a march of unnamed crowds, an evacuation and aid convoys; see the
# README): the set is 220. As written (96fdc24), the four: entities tp 48 fp 5 fn 7, roles tp 9 fp 0 fn 3, events tp 13
# fp 11 fn 10, statements tp 10, dates 8/9; after the rules events tp 15 fp 8 fn 8, dates 10/11. Tune-wire (220) events
# 0.680 -> 0.682 (tp 1101 -> 1103, fp 518 -> 515, fn 516 -> 514) dates 829/849 -> 831/851, the rest unchanged; wire
# (33), Wikinews tune/check and PLOVER unchanged. Floors unchanged.
# 2026-12-05 (s29-prd): three articles of software and devices written blind (a Windows/Copilot update and an App
# Store complaint, a phone recall and a console launch, a default-search ruling and a browser probe): the set is 235 with s29-evt's.
# As written, the three: entities tp 49 fp 11 fn 0; after the product-noun rule fp 9 (Windows, Edge). Tune-wire (231) entities
# fp 315 -> 311, the rest unchanged; wire unchanged; Wikinews tune entities 0.899 -> 0.901 (fp 74 -> 72), check
# unchanged. Floors unchanged.
# 2026-12-05 (s29-pty): three articles of political parties as actors written blind (a German coalition, the US
# Senate, Holyrood and Senedd budgets): the set is 238. After the party-words rule (kg/data/party_words.jsonl, from
# WordNet) tune-wire (as measured on its branch) relations 0.427 -> 0.483, roles 0.875 -> 0.880, entities 0.937 ->
# 0.939; wire relations 0.271 -> 0.262 (fp 13 -> 15); Wikinews tune entities 0.901. Floors unchanged.
# 2026-12-05 (s30-sta): four articles rich in forms of attribution written blind (a Kenyan court ruling on a tax, a
# Portuguese rail strike, an ECDC measles warning, the IHF suspending Serbia's handball federation): the set is 242.
# As written their statements 0.92 0.93 0.92 1.00 (three of the misses were one quotation split into two gold items;
# the gold now counts a quotation once: 1.00 each). Rules: a title with a portfolio noun the lexicon lacks ('NAME, the
# sports minister,') or led by a possessive ('NAME, Serbia's minister,') introduces the name for 'the minister said';
# active 'SOURCE quoted NAME as saying'. Tune-wire (242) entities 0.938 roles 0.878 events 0.675 statements 0.960
# (tp 791 fp 42 fn 24) relations 0.479 dates 871/891, unchanged by the rules; wire unchanged (statements 0.865);
# Wikinews tune/check unchanged (statements 0.954/0.714). Floors unchanged.
# 2026-12-05 (s30-rol): four articles of posts outside diplomacy written blind (a Peruvian court, a Danish shipping
# firm, a bomb in southern Thailand, a study of heading in football): the set is 242. As written, the four: entities
# 0.938 roles 0.636 (tp 14 fp 5 fn 11) events 0.364 statements 0.842 relations 0.167 dates 6/7; after the rules ('shadow'
# from WordNet's shadow cabinet names the opposition's post, 'ORG, whose TITLE, NAME', "WORD's chief executive": a
# company) entities 0.954 roles 0.727 (tp 16 fp 3 fn 9). Tune-wire (242) entities 0.938 -> 0.939 (fp 323 -> 320, fn
# 261 -> 258), roles 0.875 -> 0.880 (tp 1158 -> 1166, fp 87 -> 83, fn 243 -> 235), events 0.673 -> 0.674, dates
# 874/895 -> 877/898; wire roles 0.861 -> 0.864 (tp 142 -> 143); Wikinews tune/check unchanged (roles 0.947/0.700).
# The 'The new TITLE, NAME,' rule (title-appositive-owner-nearby) changes no aggregate. Floors unchanged.
# 2026-12-05 (s30-evt): four articles of events beyond diplomacy written blind (an earthquake in Peru, a train
# derailment in Croatia, a bribery sentence in Ecuador, an election and recount in The Gambia): the set is 250. As
# written, events 0.12, 0.27, 0.67, 0.69; the helper's rules did not land. Tune-wire (250) entities 0.938 roles 0.880
# events 0.669 (tp 1199 fp 606 fn 581) statements 0.958 relations 0.476 dates 890/911. Floors unchanged.
# 2026-12-06 (s31-rel): four articles rich in relations written blind (party membership in Slovakia, Armenia and the
# CSTO, a utility buying a grid operator, a Bulgarian opposition alliance): the set is 254. As written, relations 0.60,
# 0.62, 0.00, 0.36; after the relation rules 0.80, 1.00, 0.00, 0.33. Tune-wire (254) relations 0.474 (tp 90 fp 79 fn
# 121) -> 0.554 (tp 108 fp 71 fn 103), other sections unchanged; wire relations 0.262 -> 0.281 (fp 15 -> 11); Wikinews
# relations tune 0.818 -> 0.818, check 0.167 -> 0.308; no other aggregate moved. Floors unchanged.
# 2026-12-06 (s31-evt): three articles of accidents and disasters written blind (a mine collapse in Colombia, a ferry
# capsizing in Bangladesh, a bushfire in New South Wales): the set is 253. As written, events 0.36, 0.40, 0.43 (the
# three: 0.400, tp 8 fp 7 fn 17); after the rules 0.36, 0.57, 0.46 (0.474, tp 9 fp 4 fn 16). The four s30-evt rules measured one by one and
# kept, then three of s31-evt (intransitive strike, a court's measure is a ruling, an accident verb's place and state):
# tune-wire (253) events 0.666 -> 0.672 (tp 1207 -> 1217, fp 613 -> 600, fn 598 -> 588), dates 895/916 -> 902/923,
# other sections unchanged; wire events 0.662 -> 0.665 (tp 179 -> 180), dates 129/134 -> 130/135; Wikinews
# tune/check and PLOVER unchanged. Floors unchanged.
# 2026-12-06 (s31-ent): four articles of names of naming traditions written blind (Myanmar's junta rejects a UN plan,
# Indonesia and Saudi Arabia raise the Hajj quota, Colombia suspends talks with the ELN, the Scottish FA and the FAI
# bid for the Nations League finals): the set is 254. As written entities 0.95 0.88 0.95 0.95, roles 0.91 0.67 0.44
# 0.57, statements 0.86 1.00 0.75 1.00; after the rules (an occupation opening a sentence is no part of the name;
# Gaelic Mac/Mc surnames; a single name apposed to a person's noun; a Phoenix name word before a person; 'the
# ministry'/'the army' fall back only to a state's body; 'Scottish FA' of the Scottish Football Association; a
# quotation's attribution takes the state of the sentence before; a portfolio after 'Minister of' names no body)
# entities 0.95 0.97 1.00 0.97, roles 0.91 0.67 0.67 0.75, statements 0.86 1.00 1.00 1.00. Tune-wire (254) entities
# 0.938 -> 0.939 (tp 4597 -> 4601, fp 335 -> 328), roles 0.877 -> 0.878 (tp 1195 -> 1198, fp 87 -> 86), events
# 0.666 -> 0.667, statements 0.956 -> 0.960 (fp 47 -> 44, fn 28 -> 25), dates 894/916 -> 896/918; wire and Wikinews
# tune/check unchanged (roles 0.947/0.700, statements 0.954/0.714). Floors unchanged.
# 2026-12-06 (s32-rol): three articles of posts written blind (Nigeria's army ends an offensive in Borno, a Philippine
# House committee summons the police chief, UK agencies investigate a cyber attack on hospital trusts): the set is 264.
# As written roles 0.53 0.43 0.94 (entities 0.80 0.89 0.96); after the rules (states a reported clause takes as objects
# before ', TITLE NAME said' name no owner; a lower-case body noun with 'of ORG' as an office verb's object is a unit of
# ORG; 'Minister of State for X' runs over its portfolio) roles 0.63 0.43 1.00. Tune-wire (264) roles 0.872 -> 0.874
# (tp 1228 -> 1233, fp 93 -> 91, fn 268 -> 263), other sections unchanged; wire and Wikinews tune/check unchanged
# (roles 0.947/0.700). Floors unchanged.
# 2026-12-06 (s32-evp, event precision; no articles written): the spurious events of tune-wire (628) and the
# Wikinews tune half (27) grouped by cause. Three rules: one side's promise to act ('promised to rebuild', 'pledged
# that the government would') is a statement of intent, not an Agreement (CAMEO 030/AGREE kept); a passive's agent is
# never the object a CAMEO pattern asks for ('the decision was taken by ministers' is no abduction); a name ranked by
# a superlative ('named best actor') is an honour, no Appointment. Tune-wire (261) events 0.668 -> 0.670 (tp 1235,
# fp 628 -> 618, fn 598); wire, Wikinews tune/check (events 0.726/0.602) and PLOVER unchanged. Floors unchanged.
# 2026-12-06 (s32-evt): three articles of news beyond diplomacy written blind (Polish police arrest a ship's master over
# cocaine in Gdańsk, a deadly wildfire with evacuations near Limassol, a Slovenian minister resigns and another is
# dismissed): the set is 264. As written events 0.14, 0.42, 0.67 (the three: 0.417, tp 10 fp 18 fn 10); after the rules
# (a name apposed to the object that the parser hangs on the verb; a death, disaster, accident, rescue, or an arrest,
# charge, trial or ruling at a place with no actor takes the state of the place, 'PLACE, STATE' or the lead's one state;
# fighting a fire is no fight; 'killed in the fire', 'killed when a fire reached' are deaths) 0.33, 0.67, 0.67 (0.578,
# tp 13 fp 12 fn 7). Tune-wire (264) events 0.665 -> 0.668 (tp 1245 -> 1249, fp 646 -> 640, fn 608 -> 604), dates
# 917/939 -> 921/943, other sections unchanged; wire unchanged (events 0.665); Wikinews tune/check unchanged (events
# 0.726/0.602); PLOVER type 0.866/0.866 unchanged, dyad 0.847/0.783 -> 0.847/0.787, source 0.901/0.817 -> 0.901/0.825,
# target unchanged. Floors unchanged.
# 2026-12-06 (s33-evt, no articles written): an arrest or charge the police, prosecutors or the unnamed government
# report with no actor ('Police said they had arrested a man', '27 people were arrested, a police spokesman said', 'The
# government said 2,839 soldiers had been detained') is their state's (the agent's 'in' place, else the lead's one
# state); an agentless passive 'were evacuated from PLACE' is a Rescue befalling the place's state; 'On the same day,
# the Assembly voted to dismiss NAME' takes the last past day named. Tune-wire events 0.669 -> 0.672 (tp 1253 -> 1260,
# fp 635 -> 633, fn 605 -> 598), dates 924/947 -> 928/951, other sections unchanged; wire unchanged (events 0.665);
# Wikinews tune/check unchanged (events 0.726/0.602); PLOVER unchanged. An 'including NAME' rule for unnamed groups
# (+1 tp on tune-wire) was reverted: wire events 0.665 -> 0.663. Floors unchanged.
# 2026-12-06 (s33-wn): four Wikinews-style political articles written blind (India's 1999 confidence vote, Mexico's
# 2000 election, Security Council resolution 1973 on Libya, the Kerry-Lavrov Geneva framework on Syria): the set is
# 271. As written (the four) roles 0.781 (tp 25 fp 4 fn 10), statements 0.889 (tp 28 fp 2 fn 5); after the rules ('The
# TITLE of the ORG (ACR), NAME,'; 'the minister' with two holders in the paragraph is the main subject of the sentence
# before; 'the Russian minister' is the one Russian holder of a minister's post; "Russia's UN envoy" is Russia's;
# 'ORG (ACR)' is one organisation nearby for 'Its leader, NAME,'; a state's office in an 'In CITY,' paragraph that gave
# a post of the city's state before) roles 0.882 (tp 30 fp 3 fn 5), statements 0.969 (tp 31 fp 0 fn 2). Tune-wire (271)
# roles 0.871 -> 0.873 (tp 1262 -> 1267, fp 97 -> 96, fn 277 -> 272), statements 0.959 -> 0.961 (tp 879 -> 882, fp
# 46 -> 44, fn 30 -> 27), other sections unchanged; the 267 older articles unchanged; wire, Wikinews tune/check and
# PLOVER unchanged. Floors unchanged.
SETS = {
    "wire": (33, {"entities": 0.86, "roles": 0.82, "events": 0.60, "statements": 0.82, "relations": 0.24}),
    "tune-wire": (271, {"entities": 0.92, "roles": 0.87, "events": 0.64, "statements": 0.93, "relations": 0.37}),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def reports(request):
    from kg.pipeline import build
    from kg.rdf import to_dataset

    folder = DATA / request.param
    golds = [load_gold(path) for path in sorted(folder.glob("*.json"))]
    result = build([folder])
    assert not result.errors
    ds = to_dataset(result.extractions)
    return request.param, [score(ds, gold, shared=DATA) for gold in golds]


def test_every_gold_file_finds_its_article(reports):
    name, found = reports
    assert len(found) == SETS[name][0]
    assert all(r.article for r in found), [r.gold for r in found if not r.article]


@pytest.mark.parametrize("section", sorted(SETS["wire"][1]))
def test_articles_score_above_the_floor(reports, section):
    name, found = reports
    floor = SETS[name][1][section]
    assert section in SECTIONS
    s = Section(section, *(sum(getattr(r.sections[section], k) for r in found) for k in ("tp", "fp", "fn")))
    assert s.f1 >= floor, f"{name} {section}: F1 {s.f1:.3f} (P {s.precision:.3f}, R {s.recall:.3f}) under {floor}"


def test_matched_events_carry_the_gold_date(reports):
    name, found = reports
    correct, total = sum(r.dates_correct for r in found), sum(r.dates_total for r in found)
    assert total >= 5 and correct / total >= 0.8, f"{name}: {correct}/{total}"
# Session 25 (s33-dup), second mentions and near misses: a later mention that is one event with two earlier nodes joins
# them when, with it, they are one event (resolve.merge_events); 'The visit came a week after X dismissed Y' dates the
# dismissal a week before the visit (events.relative_to_events). Tune-wire (267) events 0.669 -> 0.670 (tp 1253 -> 1254,
# fp 635 -> 630, fn 605 -> 604), dates 924/947 -> 924/948, other sections unchanged; wire unchanged (events 0.665,
# tp 180 fp 77 fn 104); Wikinews tune/check unchanged (events 0.726/0.602); PLOVER unchanged (type 0.866/0.866, dyad
# 0.847/0.787, source 0.901/0.825, target 0.791/0.748). Floors unchanged.
# s33-spd (build speed, no rule changed): the sorted N-Quads of `kg build` over tune-wire (267) and wire (33) are
# byte-identical before and after every change, so every score is unchanged (tune-wire entities .938, roles .873,
# events .669, statements .961, relations .533, dates 924/947; wire .905/.864/.665/.865/.281, 130/135). Floors unchanged.
# s33-ent (session 25): a name the model calls a person that modifies a lower-case noun of a device, product or weapon
# ('Kalibr cruise missiles') and never stands where an actor does is a make, no person (kg.nlp._people_naming_things).
# Tune-wire (267) entities fp 350 -> 349 (tp 4808, fn 289), other sections unchanged; wire unchanged (entities 0.905);
# Wikinews tune/check unchanged (entities 0.903/0.888, events 0.726/0.602); PLOVER and GUM unchanged. Tried and
# reverted: launched/unveiled NAME as a product (Wikinews entities check .888 -> .891 but events check .602 -> .597),
# "ORG's STATE TITLE" as the body's post (tune-wire Amnesty node and role right; Wikinews events check .602 -> .597),
# a state's army beside the state (tune-wire entities tp +1 fp +2, events tp -2), a body's demonym giving the story's
# state (Wikinews roles check .700 -> .667). Floors unchanged.
