import type { SeedEntity } from '../types';

const UN_SG = 'Secretary-General of the United Nations';
const NPT_DEPOSITARIES = 'Governments of Russia, the United Kingdom and the United States';
const BILATERAL = 'None (bilateral treaty)';

export const SEED_TREATIES: SeedEntity[] = [
  {
    kind: 'treaty',
    name: 'Mine Ban Treaty',
    slug: 'mine-ban-treaty',
    aliases: [
      'Ottawa Convention',
      'Ottawa Treaty',
      'Anti-Personnel Mine Ban Convention',
      'APMBC',
      'Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on their Destruction',
    ],
    description:
      'Bans the use, production, stockpiling and transfer of anti-personnel landmines and obliges parties to clear mined land and assist survivors. In March and April 2025 Poland, Finland, Estonia, Latvia and Lithuania announced plans to withdraw, citing the military threat from Russia.',
    facts: {
      openedForSignature: '1997-12-03',
      entryIntoForce: '1999-03-01',
      depositary: UN_SG,
      statesParties: 164,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Convention on Cluster Munitions',
    slug: 'convention-on-cluster-munitions',
    aliases: ['CCM', 'Cluster Munitions Convention'],
    description:
      'Prohibits cluster munitions outright and sets deadlines for destroying stockpiles and clearing contaminated land, alongside victim-assistance duties. It was adopted in Dublin in May 2008; Lithuania became the first state to leave it, with effect from 6 March 2025.',
    facts: {
      openedForSignature: '2008-12-03',
      entryIntoForce: '2010-08-01',
      depositary: UN_SG,
      statesParties: 112,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty on the Non-Proliferation of Nuclear Weapons',
    slug: 'npt',
    aliases: ['Nuclear Non-Proliferation Treaty', 'Non-Proliferation Treaty', 'NPT'],
    description:
      'The central bargain of the nuclear order: non-nuclear-weapon states forgo the bomb, the five recognised nuclear-weapon states commit to pursue disarmament, and all parties keep access to peaceful nuclear technology. Parties agreed in 1995 to extend it indefinitely and review it every five years.',
    facts: {
      openedForSignature: '1968-07-01',
      entryIntoForce: '1970-03-05',
      depositary: NPT_DEPOSITARIES,
      statesParties: 191,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Comprehensive Nuclear-Test-Ban Treaty',
    slug: 'ctbt',
    aliases: ['CTBT', 'Comprehensive Test Ban Treaty', 'Comprehensive Test-Ban Treaty'],
    description:
      'Would ban every nuclear explosion in every environment, backed by a global monitoring network, but cannot enter into force until all 44 states listed in its Annex 2 have ratified. The parties figure counts ratifying states; Russia withdrew its ratification in November 2023.',
    facts: {
      openedForSignature: '1996-09-24',
      entryIntoForce: null,
      depositary: UN_SG,
      statesParties: 178,
      statesPartiesAsOf: '2025-01-01',
      status: 'not in force',
    },
  },
  {
    kind: 'treaty',
    name: 'New START',
    slug: 'new-start',
    aliases: [
      'New Strategic Arms Reduction Treaty',
      'Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms',
    ],
    description:
      'The last treaty limiting US and Russian strategic nuclear forces, capping each side at 1,550 deployed warheads and 700 deployed launchers. Extended once in 2021 for five years, it runs to 5 February 2026; Russia suspended its participation in February 2023, halting data exchanges and inspections.',
    facts: {
      openedForSignature: '2010-04-08',
      entryIntoForce: '2011-02-05',
      depositary: BILATERAL,
      statesParties: 2,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force until 2026-02-05; Russia suspended participation 2023',
    },
  },
  {
    kind: 'treaty',
    name: 'Intermediate-Range Nuclear Forces Treaty',
    slug: 'inf-treaty',
    aliases: [
      'INF Treaty',
      'INF',
      'Treaty on the Elimination of Intermediate-Range and Shorter-Range Missiles',
    ],
    description:
      'Eliminated an entire class of US and Soviet ground-launched missiles with ranges between 500 and 5,500 kilometres, leading to the destruction of some 2,700 missiles. The United States withdrew in 2019, accusing Russia of violating it, and the treaty lapsed.',
    facts: {
      openedForSignature: '1987-12-08',
      entryIntoForce: '1988-06-01',
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'terminated 2019-08-02',
    },
  },
  {
    kind: 'treaty',
    name: 'Chemical Weapons Convention',
    slug: 'chemical-weapons-convention',
    aliases: [
      'CWC',
      'Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on their Destruction',
    ],
    description:
      'Outlaws chemical weapons and requires the verified destruction of all declared stocks, a task the OPCW confirmed complete in 2023. It is implemented by the Organisation for the Prohibition of Chemical Weapons in The Hague.',
    facts: {
      openedForSignature: '1993-01-13',
      entryIntoForce: '1997-04-29',
      depositary: UN_SG,
      statesParties: 193,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Biological Weapons Convention',
    slug: 'biological-weapons-convention',
    aliases: [
      'BWC',
      'BTWC',
      'Biological and Toxin Weapons Convention',
      'Convention on the Prohibition of the Development, Production and Stockpiling of Bacteriological (Biological) and Toxin Weapons and on their Destruction',
    ],
    description:
      'The first treaty to ban a whole category of weapons of mass destruction, prohibiting the development, production and stockpiling of biological and toxin weapons. It has no verification body; a small implementation support unit in Geneva assists the parties.',
    facts: {
      openedForSignature: '1972-04-10',
      entryIntoForce: '1975-03-26',
      depositary: NPT_DEPOSITARIES,
      statesParties: 187,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Arms Trade Treaty',
    slug: 'arms-trade-treaty',
    aliases: ['ATT'],
    description:
      'Sets common standards for international transfers of conventional arms, from small arms to warships, and requires exporters to assess the risk of serious human-rights or humanitarian-law violations. The United States signed it in 2013 but said in 2019 that it did not intend to become a party.',
    facts: {
      openedForSignature: '2013-06-03',
      entryIntoForce: '2014-12-24',
      depositary: UN_SG,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty on the Prohibition of Nuclear Weapons',
    slug: 'tpnw',
    aliases: ['TPNW', 'Nuclear Ban Treaty', 'Nuclear Weapon Ban Treaty'],
    description:
      'Comprehensively prohibits nuclear weapons, including their possession, use, threat of use and stationing, for the states that join it. No nuclear-armed state or NATO member has signed.',
    facts: {
      openedForSignature: '2017-09-20',
      entryIntoForce: '2021-01-22',
      depositary: UN_SG,
      statesParties: 73,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Outer Space Treaty',
    slug: 'outer-space-treaty',
    aliases: [
      'Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space, including the Moon and Other Celestial Bodies',
    ],
    description:
      'The foundation of space law: it bars placing nuclear or other weapons of mass destruction in orbit or on celestial bodies and rules out national claims of sovereignty in space. It does not ban conventional weapons in orbit.',
    facts: {
      openedForSignature: '1967-01-27',
      entryIntoForce: '1967-10-10',
      depositary: NPT_DEPOSITARIES,
      statesParties: 115,
      statesPartiesAsOf: '2024-06-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Partial Test Ban Treaty',
    slug: 'partial-test-ban-treaty',
    aliases: [
      'PTBT',
      'Limited Test Ban Treaty',
      'LTBT',
      'Treaty Banning Nuclear Weapon Tests in the Atmosphere, in Outer Space and Under Water',
    ],
    description:
      'Banned nuclear test explosions in the atmosphere, in outer space and under water, leaving underground testing permitted. It was negotiated by the United States, the Soviet Union and the United Kingdom after the Cuban missile crisis.',
    facts: {
      openedForSignature: '1963-08-05',
      entryIntoForce: '1963-10-10',
      depositary: NPT_DEPOSITARIES,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Anti-Ballistic Missile Treaty',
    slug: 'abm-treaty',
    aliases: ['ABM Treaty', 'Treaty on the Limitation of Anti-Ballistic Missile Systems'],
    description:
      'Restricted the United States and the Soviet Union to tightly limited missile-defence deployments, on the logic that mutual vulnerability would keep deterrence stable. The United States withdrew in 2002.',
    facts: {
      openedForSignature: '1972-05-26',
      entryIntoForce: '1972-10-03',
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'terminated 2002-06-13',
    },
  },
  {
    kind: 'treaty',
    name: 'SALT I Interim Agreement',
    slug: 'salt-i',
    aliases: [
      'SALT I',
      'Interim Agreement on Certain Measures with Respect to the Limitation of Strategic Offensive Arms',
    ],
    description:
      'The five-year agreement from the first Strategic Arms Limitation Talks, signed alongside the ABM Treaty, which froze the number of US and Soviet ballistic missile launchers. It expired in 1977.',
    facts: {
      openedForSignature: '1972-05-26',
      entryIntoForce: '1972-10-03',
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'expired 1977-10-03',
    },
  },
  {
    kind: 'treaty',
    name: 'SALT II Treaty',
    slug: 'salt-ii',
    aliases: ['SALT II'],
    description:
      'Set equal ceilings on US and Soviet strategic launchers and limited multiple-warhead missiles. The US Senate never ratified it after the Soviet invasion of Afghanistan, though both sides broadly observed its limits for several years.',
    facts: {
      openedForSignature: '1979-06-18',
      entryIntoForce: null,
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'never in force',
    },
  },
  {
    kind: 'treaty',
    name: 'START I',
    slug: 'start-i',
    aliases: ['START I Treaty', 'Strategic Arms Reduction Treaty', 'START Treaty'],
    description:
      'The first treaty to make deep cuts in US and Soviet strategic arsenals, backed by an extensive inspection regime. After the Soviet collapse, Belarus, Kazakhstan and Ukraine joined through the 1992 Lisbon Protocol; the treaty expired in 2009.',
    facts: {
      openedForSignature: '1991-07-31',
      entryIntoForce: '1994-12-05',
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'expired 2009-12-05',
    },
  },
  {
    kind: 'treaty',
    name: 'START II',
    slug: 'start-ii',
    aliases: ['START II Treaty'],
    description:
      'Would have cut US and Russian strategic warheads further and banned multiple-warhead ICBMs. It never entered into force, and Russia declared itself no longer bound after the United States left the ABM Treaty in 2002.',
    facts: {
      openedForSignature: '1993-01-03',
      entryIntoForce: null,
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'never in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Strategic Offensive Reductions Treaty',
    slug: 'sort',
    aliases: ['SORT', 'Moscow Treaty'],
    description:
      'A brief US-Russian agreement to reduce operationally deployed strategic warheads to between 1,700 and 2,200 each by the end of 2012, with no verification provisions of its own. New START replaced it when that treaty entered into force.',
    facts: {
      openedForSignature: '2002-05-24',
      entryIntoForce: '2003-06-01',
      depositary: BILATERAL,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'superseded 2011-02-05',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty on Conventional Armed Forces in Europe',
    slug: 'cfe-treaty',
    aliases: ['CFE Treaty', 'CFE'],
    description:
      'Capped tanks, artillery, armoured combat vehicles, combat aircraft and attack helicopters held by NATO and Warsaw Pact states from the Atlantic to the Urals, with intrusive inspections. Russia suspended implementation in 2007 and withdrew in November 2023, after which NATO allies suspended their own participation.',
    facts: {
      openedForSignature: '1990-11-19',
      entryIntoForce: '1992-11-09',
      depositary: 'Government of the Netherlands',
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force; Russia withdrew 2023-11-07',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty on Open Skies',
    slug: 'open-skies-treaty',
    aliases: ['Open Skies Treaty'],
    description:
      'Allows parties to fly unarmed observation aircraft over one another’s territory on short notice and share the imagery. The United States left in 2020 and Russia in 2021, leaving 32 parties.',
    facts: {
      openedForSignature: '1992-03-24',
      entryIntoForce: '2002-01-01',
      depositary: 'Governments of Canada and Hungary',
      statesParties: 32,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty of Tlatelolco',
    slug: 'treaty-of-tlatelolco',
    aliases: [
      'Tlatelolco Treaty',
      'Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean',
    ],
    description:
      'Created the first nuclear-weapon-free zone covering a populated region, spanning all 33 states of Latin America and the Caribbean. It takes effect for each party individually; the general entry-into-force date usually cited is 25 April 1969, and OPANAL in Mexico City oversees it.',
    facts: {
      openedForSignature: '1967-02-14',
      entryIntoForce: '1969-04-25',
      depositary: 'Government of Mexico',
      statesParties: 33,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty of Rarotonga',
    slug: 'treaty-of-rarotonga',
    aliases: ['Rarotonga Treaty', 'South Pacific Nuclear Free Zone Treaty', 'SPNFZ Treaty'],
    description:
      'Establishes a nuclear-free zone in the South Pacific, banning nuclear weapons and the dumping of radioactive waste at sea in the region. It was concluded partly in reaction to French nuclear testing in Polynesia.',
    facts: {
      openedForSignature: '1985-08-06',
      entryIntoForce: '1986-12-11',
      depositary: 'Secretary General of the Pacific Islands Forum Secretariat',
      statesParties: 13,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty of Bangkok',
    slug: 'treaty-of-bangkok',
    aliases: [
      'Bangkok Treaty',
      'Southeast Asian Nuclear-Weapon-Free Zone Treaty',
      'SEANWFZ Treaty',
    ],
    description:
      'Makes the ten ASEAN member states a nuclear-weapon-free zone. Its coverage of continental shelves and exclusive economic zones is one reason no nuclear-weapon state has yet signed its protocol.',
    facts: {
      openedForSignature: '1995-12-15',
      entryIntoForce: '1997-03-27',
      depositary: 'Government of Thailand',
      statesParties: 10,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty of Pelindaba',
    slug: 'treaty-of-pelindaba',
    aliases: ['Pelindaba Treaty', 'African Nuclear-Weapon-Free Zone Treaty'],
    description:
      'Declares Africa a nuclear-weapon-free zone and also bars attacks on nuclear installations in the region. It is named after the South African research site where the country’s former nuclear weapons were developed.',
    facts: {
      openedForSignature: '1996-04-11',
      entryIntoForce: '2009-07-15',
      depositary: 'Chairperson of the African Union Commission',
      statesParties: 44,
      statesPartiesAsOf: '2024-03-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Treaty of Semipalatinsk',
    slug: 'treaty-of-semipalatinsk',
    aliases: [
      'Treaty on a Nuclear-Weapon-Free Zone in Central Asia',
      'Central Asian Nuclear-Weapon-Free Zone Treaty',
      'CANWFZ Treaty',
    ],
    description:
      'Establishes a nuclear-weapon-free zone among Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan, the first such zone entirely in the Northern Hemisphere. It was signed at the former Soviet test site of Semipalatinsk.',
    facts: {
      openedForSignature: '2006-09-08',
      entryIntoForce: '2009-03-21',
      depositary: 'Government of Kyrgyzstan',
      statesParties: 5,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Seabed Treaty',
    slug: 'seabed-treaty',
    aliases: [
      'Seabed Arms Control Treaty',
      'Treaty on the Prohibition of the Emplacement of Nuclear Weapons and Other Weapons of Mass Destruction on the Sea-Bed and the Ocean Floor and in the Subsoil Thereof',
    ],
    description:
      'Forbids placing nuclear weapons or other weapons of mass destruction on the seabed beyond a 12-mile coastal zone. It does not restrict submarines or weapons in the water column.',
    facts: {
      openedForSignature: '1971-02-11',
      entryIntoForce: '1972-05-18',
      depositary: NPT_DEPOSITARIES,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'ENMOD Convention',
    slug: 'enmod-convention',
    aliases: [
      'ENMOD',
      'Environmental Modification Convention',
      'Convention on the Prohibition of Military or Any Other Hostile Use of Environmental Modification Techniques',
    ],
    description:
      'Bans the hostile use of techniques that deliberately manipulate natural processes, such as weather or earthquakes, to cause widespread, long-lasting or severe effects. It grew out of concern over cloud-seeding in the Vietnam War.',
    facts: {
      openedForSignature: '1977-05-18',
      entryIntoForce: '1978-10-05',
      depositary: UN_SG,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Convention on Certain Conventional Weapons',
    slug: 'ccw',
    aliases: [
      'CCW',
      'Inhumane Weapons Convention',
      'Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons Which May Be Deemed to Be Excessively Injurious or to Have Indiscriminate Effects',
    ],
    description:
      'A framework convention whose protocols restrict or ban specific weapons, including non-detectable fragments, mines and booby-traps, incendiary weapons, blinding lasers and explosive remnants of war. Its meetings in Geneva have also hosted talks on lethal autonomous weapons since 2014.',
    facts: {
      openedForSignature: '1981-04-10',
      entryIntoForce: '1983-12-02',
      depositary: UN_SG,
      statesParties: 127,
      statesPartiesAsOf: '2023-09-30',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'CCW Amended Protocol II',
    slug: 'ccw-amended-protocol-ii',
    aliases: [
      'Amended Protocol II',
      'Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other Devices as amended on 3 May 1996',
    ],
    description:
      'The strengthened CCW protocol on mines, booby-traps and similar devices, adopted on 3 May 1996; it regulates rather than bans anti-personnel mines. Protocols are not opened for signature; states consent to be bound when joining or after joining the CCW.',
    facts: {
      openedForSignature: null,
      entryIntoForce: '1998-12-03',
      depositary: UN_SG,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'CCW Protocol IV',
    slug: 'ccw-protocol-iv',
    aliases: ['Protocol IV', 'Protocol on Blinding Laser Weapons'],
    description:
      'Adopted on 13 October 1995, it bans laser weapons designed to cause permanent blindness, an unusual case of a weapon prohibited before it was fielded.',
    facts: {
      openedForSignature: null,
      entryIntoForce: '1998-07-30',
      depositary: UN_SG,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'CCW Protocol V',
    slug: 'ccw-protocol-v',
    aliases: ['Protocol V', 'Protocol on Explosive Remnants of War'],
    description:
      'Adopted on 28 November 2003, it requires parties to a conflict to record their use of explosive ordnance and to clear, or help clear, unexploded and abandoned munitions once fighting ends.',
    facts: {
      openedForSignature: null,
      entryIntoForce: '2006-11-12',
      depositary: UN_SG,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Geneva Protocol',
    slug: 'geneva-protocol',
    aliases: [
      '1925 Geneva Protocol',
      'Protocol for the Prohibition of the Use in War of Asphyxiating, Poisonous or Other Gases, and of Bacteriological Methods of Warfare',
    ],
    description:
      'Prohibits the use in war of poison gas and bacteriological methods, a response to the chemical warfare of the First World War. It banned use only, leaving possession to the later Biological and Chemical Weapons Conventions.',
    facts: {
      openedForSignature: '1925-06-17',
      entryIntoForce: '1928-02-08',
      depositary: 'Government of France',
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Joint Comprehensive Plan of Action',
    slug: 'jcpoa',
    aliases: ['JCPOA', 'Iran nuclear deal', 'Iran deal'],
    description:
      'The 2015 agreement between Iran and China, France, Germany, Russia, the United Kingdom, the United States and the EU that limited Iran’s nuclear programme in exchange for sanctions relief, endorsed by UN Security Council Resolution 2231. The United States withdrew in 2018 and Iran has since exceeded many of its limits.',
    facts: {
      openedForSignature: null,
      entryIntoForce: '2015-10-18',
      depositary: 'None (political commitment endorsed by UN Security Council Resolution 2231)',
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'US withdrew 2018; Iran reduced compliance from 2019',
      note: 'Not a treaty: a politically binding arrangement concluded on 2015-07-14. The date given as entry into force is Adoption Day, when its commitments took effect; Implementation Day followed on 2016-01-16.',
    },
  },
  {
    kind: 'treaty',
    name: 'Threshold Test Ban Treaty',
    slug: 'threshold-test-ban-treaty',
    aliases: ['TTBT', 'Treaty on the Limitation of Underground Nuclear Weapon Tests'],
    description:
      'Limits US and Soviet (now Russian) underground nuclear weapon tests to a yield of 150 kilotons. It was signed in 1974 but entered into force only in 1990, after new verification protocols were agreed.',
    facts: {
      openedForSignature: '1974-07-03',
      entryIntoForce: '1990-12-11',
      depositary: BILATERAL,
      statesParties: 2,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Peaceful Nuclear Explosions Treaty',
    slug: 'peaceful-nuclear-explosions-treaty',
    aliases: ['PNET', 'Treaty on Underground Nuclear Explosions for Peaceful Purposes'],
    description:
      'Companion to the Threshold Test Ban Treaty that applies the same 150-kiloton ceiling to nuclear explosions carried out for non-military purposes such as excavation. It entered into force on the same day as the TTBT.',
    facts: {
      openedForSignature: '1976-05-28',
      entryIntoForce: '1990-12-11',
      depositary: BILATERAL,
      statesParties: 2,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Antarctic Treaty',
    slug: 'antarctic-treaty',
    aliases: ['1959 Antarctic Treaty'],
    description:
      'Reserves Antarctica for peaceful purposes, banning military bases, manoeuvres and weapons tests there, and was the first treaty to prohibit nuclear explosions in a region. Parties may inspect one another’s stations at any time.',
    facts: {
      openedForSignature: '1959-12-01',
      entryIntoForce: '1961-06-23',
      depositary: 'Government of the United States',
      statesParties: 58,
      statesPartiesAsOf: '2025-01-01',
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'Convention on the Physical Protection of Nuclear Material',
    slug: 'cppnm',
    aliases: ['CPPNM'],
    description:
      'Requires parties to protect nuclear material used for peaceful purposes while it is transported internationally and to criminalise its theft or misuse. A 2005 amendment, in force since 8 May 2016, extended the obligations to domestic use, storage and transport and to nuclear facilities.',
    facts: {
      openedForSignature: '1980-03-03',
      entryIntoForce: '1987-02-08',
      depositary: 'Director General of the International Atomic Energy Agency',
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
  {
    kind: 'treaty',
    name: 'International Convention for the Suppression of Acts of Nuclear Terrorism',
    slug: 'icsant',
    aliases: ['ICSANT', 'Nuclear Terrorism Convention'],
    description:
      'Obliges parties to criminalise the unlawful possession or use of radioactive material or devices and of nuclear facilities, and to extradite or prosecute offenders.',
    facts: {
      openedForSignature: '2005-09-14',
      entryIntoForce: '2007-07-07',
      depositary: UN_SG,
      statesParties: null,
      statesPartiesAsOf: null,
      status: 'in force',
    },
  },
];

export const SEED_ORGANIZATIONS: SeedEntity[] = [
  {
    kind: 'organization',
    name: 'North Atlantic Treaty Organization',
    slug: 'nato',
    aliases: ['NATO', 'North Atlantic Alliance'],
    description:
      'The transatlantic military alliance built on the collective-defence commitment of the 1949 Washington Treaty. Finland joined in 2023 and Sweden in 2024, bringing membership to 32.',
    facts: {
      acronym: 'NATO',
      type: 'alliance',
      founded: 1949,
      headquarters: 'Brussels',
    },
    wikidataId: 'Q7184',
  },
  {
    kind: 'organization',
    name: 'International Atomic Energy Agency',
    slug: 'iaea',
    aliases: ['IAEA'],
    description:
      'The autonomous UN-family agency that promotes civilian nuclear technology and applies safeguards to verify that nuclear material is not diverted to weapons. Its inspectors monitor, among others, Iran’s programme and Ukraine’s nuclear plants.',
    facts: {
      acronym: 'IAEA',
      type: 'intergovernmental',
      founded: 1957,
      headquarters: 'Vienna',
    },
  },
  {
    kind: 'organization',
    name: 'Organisation for the Prohibition of Chemical Weapons',
    slug: 'opcw',
    aliases: ['OPCW', 'Organization for the Prohibition of Chemical Weapons'],
    description:
      'The implementing body of the Chemical Weapons Convention, which inspects industry, oversees the destruction of stockpiles and investigates alleged use. It received the Nobel Peace Prize in 2013.',
    facts: {
      acronym: 'OPCW',
      type: 'intergovernmental',
      founded: 1997,
      headquarters: 'The Hague',
    },
  },
  {
    kind: 'organization',
    name: 'CTBTO Preparatory Commission',
    slug: 'ctbto',
    aliases: [
      'CTBTO',
      'Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization',
      'Comprehensive Nuclear-Test-Ban Treaty Organization',
    ],
    description:
      'Prepares for the test-ban treaty’s entry into force by building and running the International Monitoring System, a worldwide network of seismic, hydroacoustic, infrasound and radionuclide stations. The full treaty organisation will exist only once the CTBT enters into force.',
    facts: {
      acronym: 'CTBTO',
      type: 'intergovernmental',
      founded: 1996,
      headquarters: 'Vienna',
    },
  },
  {
    kind: 'organization',
    name: 'International Campaign to Ban Landmines',
    slug: 'icbl',
    aliases: ['ICBL', 'ICBL-CMC'],
    description:
      'The civil-society coalition whose campaigning produced the 1997 Mine Ban Treaty, earning it a share of that year’s Nobel Peace Prize with its founding coordinator Jody Williams. Since 2011 it has operated jointly with the Cluster Munition Coalition as ICBL-CMC, sharing staff and the Monitor research programme.',
    facts: {
      acronym: 'ICBL',
      type: 'nongovernmental',
      founded: 1992,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'Cluster Munition Coalition',
    slug: 'cluster-munition-coalition',
    aliases: ['CMC'],
    description:
      'The global network of civil-society groups that campaigned for the Convention on Cluster Munitions and now presses for its universal adoption. It has shared a secretariat with the ICBL since 2011.',
    facts: {
      acronym: 'CMC',
      type: 'nongovernmental',
      founded: 2003,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'United Nations',
    slug: 'united-nations',
    aliases: ['UN', 'U.N.'],
    description:
      'The global intergovernmental organisation founded under the 1945 Charter, whose Secretary-General is depositary for many disarmament treaties.',
    facts: {
      acronym: 'UN',
      type: 'intergovernmental',
      founded: 1945,
      headquarters: 'New York',
    },
    wikidataId: 'Q1065',
  },
  {
    kind: 'organization',
    name: 'United Nations Office for Disarmament Affairs',
    slug: 'unoda',
    aliases: ['UNODA', 'UN Office for Disarmament Affairs', 'Office for Disarmament Affairs'],
    description:
      'The UN Secretariat office that supports disarmament negotiations and treaty meetings and promotes norms on weapons of mass destruction and conventional arms. It is led by the High Representative for Disarmament Affairs.',
    facts: {
      acronym: 'UNODA',
      type: 'un-body',
      founded: 1998,
      headquarters: 'New York',
    },
  },
  {
    kind: 'organization',
    name: 'United Nations Security Council',
    slug: 'un-security-council',
    aliases: ['UN Security Council', 'UNSC', 'Security Council'],
    description:
      'The UN organ responsible for international peace and security, able to impose binding sanctions; its five permanent members are also the NPT’s recognised nuclear-weapon states. It endorsed the JCPOA in Resolution 2231.',
    facts: {
      acronym: 'UNSC',
      type: 'un-body',
      founded: 1945,
      headquarters: 'New York',
    },
    wikidataId: 'Q37470',
  },
  {
    kind: 'organization',
    name: 'United Nations General Assembly',
    slug: 'un-general-assembly',
    aliases: ['UN General Assembly', 'UNGA', 'General Assembly'],
    description:
      'The UN’s plenary body of all member states; its First Committee handles disarmament and international security, and it adopted both the Arms Trade Treaty and the CTBT text.',
    facts: {
      acronym: 'UNGA',
      type: 'un-body',
      founded: 1945,
      headquarters: 'New York',
    },
    wikidataId: 'Q47423',
  },
  {
    kind: 'organization',
    name: 'Conference on Disarmament',
    slug: 'conference-on-disarmament',
    aliases: ['CD', 'Geneva Conference on Disarmament'],
    description:
      'The standing multilateral negotiating forum for disarmament, where the Chemical Weapons Convention and the CTBT were negotiated. Because it works by consensus, it has been unable to agree a programme of work for most of the period since 1996.',
    facts: {
      acronym: 'CD',
      type: 'intergovernmental',
      founded: 1979,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'European Union',
    slug: 'european-union',
    aliases: ['EU'],
    description:
      'The political and economic union of 27 European states, which coordinates member positions in nonproliferation forums and runs its own export-control and sanctions regimes. Its foreign-policy chief coordinates the JCPOA’s Joint Commission.',
    facts: {
      acronym: 'EU',
      type: 'intergovernmental',
      founded: 1993,
      headquarters: 'Brussels',
    },
    wikidataId: 'Q458',
  },
  {
    kind: 'organization',
    name: 'Organization for Security and Co-operation in Europe',
    slug: 'osce',
    aliases: ['OSCE', 'Conference on Security and Co-operation in Europe', 'CSCE'],
    description:
      'The pan-European security organisation that grew out of the Helsinki process and hosts the Vienna Document’s military confidence-building measures. Consensus rules have limited its role since Russia’s full-scale invasion of Ukraine.',
    facts: {
      acronym: 'OSCE',
      type: 'intergovernmental',
      founded: 1975,
      headquarters: 'Vienna',
    },
  },
  {
    kind: 'organization',
    name: 'International Committee of the Red Cross',
    slug: 'icrc',
    aliases: ['ICRC'],
    description:
      'The independent Swiss-based humanitarian institution mandated under the Geneva Conventions to protect victims of armed conflict. It has been an influential voice for the bans on landmines, cluster munitions and nuclear weapons.',
    facts: {
      acronym: 'ICRC',
      type: 'nongovernmental',
      founded: 1863,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'International Campaign to Abolish Nuclear Weapons',
    slug: 'ican',
    aliases: ['ICAN'],
    description:
      'The coalition of non-governmental organisations that championed the Treaty on the Prohibition of Nuclear Weapons and received the 2017 Nobel Peace Prize. It was launched in Australia in 2007.',
    facts: {
      acronym: 'ICAN',
      type: 'nongovernmental',
      founded: 2007,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'Nuclear Suppliers Group',
    slug: 'nuclear-suppliers-group',
    aliases: ['NSG'],
    description:
      'An informal group of nuclear supplier states that coordinate export guidelines for nuclear and dual-use items. It was formed in response to India’s 1974 nuclear test.',
    facts: {
      acronym: 'NSG',
      type: 'export-control-regime',
      founded: 1974,
      headquarters: null,
    },
  },
  {
    kind: 'organization',
    name: 'Missile Technology Control Regime',
    slug: 'missile-technology-control-regime',
    aliases: ['MTCR'],
    description:
      'An informal political understanding among partner states to restrain exports of missiles, drones and related technology able to deliver weapons of mass destruction.',
    facts: {
      acronym: 'MTCR',
      type: 'export-control-regime',
      founded: 1987,
      headquarters: null,
    },
  },
  {
    kind: 'organization',
    name: 'Wassenaar Arrangement',
    slug: 'wassenaar-arrangement',
    aliases: [
      'Wassenaar Arrangement on Export Controls for Conventional Arms and Dual-Use Goods and Technologies',
    ],
    description:
      'A voluntary export-control regime whose participating states share control lists and information on transfers of conventional arms and dual-use goods. It succeeded the Cold War-era CoCom system.',
    facts: {
      acronym: null,
      type: 'export-control-regime',
      founded: 1996,
      headquarters: 'Vienna',
    },
  },
  {
    kind: 'organization',
    name: 'Australia Group',
    slug: 'australia-group',
    aliases: [],
    description:
      'An informal forum of countries that harmonise export controls to keep chemical and biological weapons materials and equipment from proliferating. It was set up after Iraq’s use of chemical weapons in its war with Iran.',
    facts: {
      acronym: null,
      type: 'export-control-regime',
      founded: 1985,
      headquarters: null,
    },
  },
  {
    kind: 'organization',
    name: 'Landmine and Cluster Munition Monitor',
    slug: 'landmine-monitor',
    aliases: ['Landmine Monitor', 'Cluster Munition Monitor'],
    description:
      'The research arm of ICBL-CMC, publishing annual Landmine Monitor and Cluster Munition Monitor reports on use, casualties, clearance and treaty compliance worldwide. It was created by the ICBL in 1998.',
    facts: {
      acronym: null,
      type: 'nongovernmental',
      founded: 1998,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'Stockholm International Peace Research Institute',
    slug: 'sipri',
    aliases: ['SIPRI'],
    description:
      'An independent institute researching conflict, armaments and disarmament, known for its yearbook and its databases on military spending and arms transfers.',
    facts: {
      acronym: 'SIPRI',
      type: 'research-institute',
      founded: 1966,
      headquarters: 'Stockholm',
    },
  },
  {
    kind: 'organization',
    name: 'Arms Control Association',
    slug: 'arms-control-association',
    aliases: ['ACA'],
    description:
      'A US non-profit membership organisation that promotes arms control through research and advocacy and publishes the journal Arms Control Today.',
    facts: {
      acronym: 'ACA',
      type: 'nongovernmental',
      founded: 1971,
      headquarters: 'Washington, D.C.',
    },
  },
  {
    kind: 'organization',
    name: 'Rosatom',
    slug: 'rosatom',
    aliases: ['Rosatom State Corporation', 'State Atomic Energy Corporation Rosatom'],
    description:
      'Russia’s state nuclear corporation, responsible for both the civilian power industry and the nuclear weapons complex, and a major exporter of reactors. It has operated the occupied Zaporizhzhia plant in Ukraine since 2022.',
    facts: {
      acronym: null,
      type: 'company',
      founded: 2007,
      headquarters: 'Moscow',
    },
  },
  {
    kind: 'organization',
    name: 'US Department of State',
    slug: 'us-department-of-state',
    aliases: ['State Department', 'U.S. Department of State', 'United States Department of State'],
    description:
      'The US foreign ministry, whose arms control and international security bureaus negotiate treaties and issue the annual report on compliance with arms control agreements.',
    facts: {
      acronym: null,
      type: 'national-agency',
      founded: 1789,
      headquarters: 'Washington, D.C.',
    },
  },
  {
    kind: 'organization',
    name: 'Ministry of Foreign Affairs of the Russian Federation',
    slug: 'russian-ministry-of-foreign-affairs',
    aliases: ['Russian Foreign Ministry', 'Russian Ministry of Foreign Affairs', 'Russian MFA'],
    description:
      'Russia’s foreign ministry, which conducts the country’s arms control diplomacy with the United States and in multilateral forums.',
    facts: {
      acronym: null,
      type: 'national-agency',
      founded: null,
      headquarters: 'Moscow',
    },
  },
  {
    kind: 'organization',
    name: 'US Department of Defense',
    slug: 'us-department-of-defense',
    aliases: [
      'Pentagon',
      'Department of Defense',
      'U.S. Department of Defense',
      'United States Department of Defense',
      'DoD',
    ],
    description:
      'The US executive department in charge of the armed forces, including nuclear forces and missile defence. It is headquartered in the Pentagon in Arlington, Virginia.',
    facts: {
      acronym: 'DoD',
      type: 'national-agency',
      founded: 1947,
      headquarters: 'Arlington, Virginia',
    },
  },
  {
    kind: 'organization',
    name: 'The HALO Trust',
    slug: 'halo-trust',
    aliases: ['HALO Trust', 'HALO'],
    description:
      'A British humanitarian demining charity that clears landmines and other explosive remnants of war; it runs one of the largest clearance programmes in Ukraine.',
    facts: {
      acronym: 'HALO',
      type: 'nongovernmental',
      founded: 1988,
      headquarters: 'Thornhill, Scotland',
    },
  },
  {
    kind: 'organization',
    name: 'Mines Advisory Group',
    slug: 'mines-advisory-group',
    aliases: ['MAG'],
    description:
      'A UK-based humanitarian organisation that clears landmines and unexploded ordnance and helps secure weapons stockpiles. It was one of the founding members of the ICBL.',
    facts: {
      acronym: 'MAG',
      type: 'nongovernmental',
      founded: 1989,
      headquarters: 'Manchester',
    },
  },
  {
    kind: 'organization',
    name: 'Humanity & Inclusion',
    slug: 'humanity-and-inclusion',
    aliases: ['Handicap International', 'Humanity and Inclusion'],
    description:
      'A humanitarian organisation working with people with disabilities and survivors of explosive weapons; under its earlier name, Handicap International, it co-founded the ICBL.',
    facts: {
      acronym: 'HI',
      type: 'nongovernmental',
      founded: 1982,
      headquarters: 'Lyon',
    },
  },
  {
    kind: 'organization',
    name: 'Human Rights Watch',
    slug: 'human-rights-watch',
    aliases: ['HRW'],
    description:
      'An international human-rights organisation whose arms division documents the civilian harm caused by landmines, cluster munitions and incendiary weapons. It was a founding member of the ICBL.',
    facts: {
      acronym: 'HRW',
      type: 'nongovernmental',
      founded: 1978,
      headquarters: 'New York',
    },
  },
  {
    kind: 'organization',
    name: 'Nuclear Threat Initiative',
    slug: 'nuclear-threat-initiative',
    aliases: ['NTI'],
    description:
      'A US non-profit working to reduce nuclear and biological threats, co-founded by former senator Sam Nunn and Ted Turner.',
    facts: {
      acronym: 'NTI',
      type: 'nongovernmental',
      founded: 2001,
      headquarters: 'Washington, D.C.',
    },
  },
  {
    kind: 'organization',
    name: 'Federation of American Scientists',
    slug: 'federation-of-american-scientists',
    aliases: ['FAS'],
    description:
      'A US non-profit founded by Manhattan Project scientists; its Nuclear Information Project publishes widely cited estimates of the world’s nuclear arsenals.',
    facts: {
      acronym: 'FAS',
      type: 'nongovernmental',
      founded: 1945,
      headquarters: 'Washington, D.C.',
    },
  },
  {
    kind: 'organization',
    name: 'United Nations Institute for Disarmament Research',
    slug: 'unidir',
    aliases: ['UNIDIR'],
    description:
      'An autonomous UN institute that carries out independent research on disarmament and security to support member states.',
    facts: {
      acronym: 'UNIDIR',
      type: 'un-body',
      founded: 1980,
      headquarters: 'Geneva',
    },
  },
  {
    kind: 'organization',
    name: 'United Nations Mine Action Service',
    slug: 'unmas',
    aliases: ['UNMAS', 'UN Mine Action Service'],
    description:
      'The UN office that coordinates the organisation’s work against landmines and explosive hazards and runs clearance programmes in peacekeeping and humanitarian settings.',
    facts: {
      acronym: 'UNMAS',
      type: 'un-body',
      founded: 1997,
      headquarters: 'New York',
    },
  },
  {
    kind: 'organization',
    name: 'Agency for the Prohibition of Nuclear Weapons in Latin America and the Caribbean',
    slug: 'opanal',
    aliases: ['OPANAL'],
    description:
      'The regional body that oversees compliance with the Treaty of Tlatelolco; all 33 states of Latin America and the Caribbean are members.',
    facts: {
      acronym: 'OPANAL',
      type: 'intergovernmental',
      founded: 1969,
      headquarters: 'Mexico City',
    },
  },
  {
    kind: 'organization',
    name: 'African Union',
    slug: 'african-union',
    aliases: ['AU'],
    description:
      'The continental organisation of African states, successor to the Organization of African Unity, whose Commission chairperson is depositary of the Treaty of Pelindaba.',
    facts: {
      acronym: 'AU',
      type: 'intergovernmental',
      founded: 2002,
      headquarters: 'Addis Ababa',
    },
  },
];

export const SEED_PEOPLE: SeedEntity[] = [
  {
    kind: 'person',
    name: 'Donald Tusk',
    slug: 'donald-tusk',
    aliases: ['Tusk'],
    description:
      'Prime Minister of Poland since December 2023, a post he also held from 2007 to 2014, and President of the European Council from 2014 to 2019. He leads the Civic Platform party.',
    facts: {
      role: 'Prime Minister of Poland',
      affiliation: 'Government of Poland',
      country: 'PL',
    },
    wikidataId: 'Q946',
  },
  {
    kind: 'person',
    name: 'Alexander Stubb',
    slug: 'alexander-stubb',
    aliases: ['Stubb'],
    description:
      'President of Finland since March 2024 and earlier the country’s prime minister, foreign minister and finance minister. As president he leads Finnish foreign policy together with the government.',
    facts: {
      role: 'President of Finland',
      affiliation: 'Office of the President of the Republic of Finland',
      country: 'FI',
    },
  },
  {
    kind: 'person',
    name: 'Władysław Kosiniak-Kamysz',
    slug: 'wladyslaw-kosiniak-kamysz',
    aliases: ['Wladyslaw Kosiniak-Kamysz', 'Kosiniak-Kamysz'],
    description:
      'Deputy Prime Minister and Minister of National Defence of Poland since December 2023, and leader of the Polish People’s Party (PSL).',
    facts: {
      role: 'Deputy Prime Minister and Minister of National Defence of Poland',
      affiliation: 'Polish Ministry of National Defence',
      country: 'PL',
    },
  },
  {
    kind: 'person',
    name: 'Hanno Pevkur',
    slug: 'hanno-pevkur',
    aliases: ['Pevkur'],
    description:
      'Estonia’s Minister of Defence since 2022, a member of the Reform Party who previously served as minister of the interior and of justice.',
    facts: {
      role: 'Minister of Defence of Estonia',
      affiliation: 'Estonian Ministry of Defence',
      country: 'EE',
    },
  },
  {
    kind: 'person',
    name: 'Andris Sprūds',
    slug: 'andris-spruds',
    aliases: ['Andris Spruds', 'Sprūds', 'Spruds'],
    description:
      'A political scientist and member of The Progressives party who became Latvia’s Minister of Defence in September 2023 and held the post in early 2025.',
    facts: {
      role: 'Minister of Defence of Latvia',
      affiliation: 'Latvian Ministry of Defence',
      country: 'LV',
    },
  },
  {
    kind: 'person',
    name: 'Dovilė Šakalienė',
    slug: 'dovile-sakaliene',
    aliases: ['Dovile Sakaliene', 'Šakalienė', 'Sakaliene'],
    description:
      'A Social Democrat and former human-rights advocate who became Lithuania’s Minister of National Defence in December 2024.',
    facts: {
      role: 'Minister of National Defence of Lithuania',
      affiliation: 'Lithuanian Ministry of National Defence',
      country: 'LT',
    },
  },
  {
    kind: 'person',
    name: 'Antti Häkkänen',
    slug: 'antti-hakkanen',
    aliases: ['Antti Hakkanen', 'Häkkänen', 'Hakkanen'],
    description:
      'Finland’s Minister of Defence since June 2023, from the National Coalition Party; he was previously minister of justice.',
    facts: {
      role: 'Minister of Defence of Finland',
      affiliation: 'Finnish Ministry of Defence',
      country: 'FI',
    },
  },
  {
    kind: 'person',
    name: 'Rafael Mariano Grossi',
    slug: 'rafael-mariano-grossi',
    aliases: ['Rafael Grossi', 'Grossi'],
    description:
      'An Argentine diplomat who has been Director General of the International Atomic Energy Agency since December 2019, overseeing safeguards in Iran and the agency’s presence at Ukraine’s nuclear plants.',
    facts: {
      role: 'Director General of the IAEA',
      affiliation: 'International Atomic Energy Agency',
      country: 'AR',
    },
  },
  {
    kind: 'person',
    name: 'Vladimir Putin',
    slug: 'vladimir-putin',
    aliases: ['Putin', 'Vladimir Vladimirovich Putin'],
    description:
      'President of Russia from 2000 to 2008 and again since 2012, with a spell as prime minister in between. He suspended Russia’s participation in New START in 2023 and signed the revocation of its CTBT ratification.',
    facts: {
      role: 'President of Russia',
      affiliation: 'Government of Russia',
      country: 'RU',
    },
    wikidataId: 'Q7747',
  },
  {
    kind: 'person',
    name: 'Donald Trump',
    slug: 'donald-trump',
    aliases: ['Trump', 'Donald J. Trump'],
    description:
      'President of the United States since January 2025, having also served from 2017 to 2021. His first administration withdrew from the JCPOA, the INF Treaty and the Open Skies Treaty.',
    facts: {
      role: 'President of the United States',
      affiliation: 'Government of the United States',
      country: 'US',
    },
    wikidataId: 'Q22686',
  },
  {
    kind: 'person',
    name: 'Marco Rubio',
    slug: 'marco-rubio',
    aliases: ['Rubio'],
    description:
      'US Secretary of State since January 2025, after serving as a Republican senator from Florida from 2011 to 2025.',
    facts: {
      role: 'US Secretary of State',
      affiliation: 'US Department of State',
      country: 'US',
    },
    wikidataId: 'Q324546',
  },
  {
    kind: 'person',
    name: 'Pete Hegseth',
    slug: 'pete-hegseth',
    aliases: ['Hegseth'],
    description:
      'US Secretary of Defense since January 2025, an Army National Guard veteran and former television host.',
    facts: {
      role: 'US Secretary of Defense',
      affiliation: 'US Department of Defense',
      country: 'US',
    },
  },
  {
    kind: 'person',
    name: 'Abbas Araghchi',
    slug: 'abbas-araghchi',
    aliases: ['Araghchi', 'Abbas Araqchi', 'Seyed Abbas Araghchi'],
    description:
      'Iran’s Minister of Foreign Affairs since August 2024; as a deputy foreign minister he was one of Iran’s senior negotiators of the 2015 nuclear deal.',
    facts: {
      role: 'Minister of Foreign Affairs of Iran',
      affiliation: 'Iranian Ministry of Foreign Affairs',
      country: 'IR',
    },
  },
  {
    kind: 'person',
    name: 'Masoud Pezeshkian',
    slug: 'masoud-pezeshkian',
    aliases: ['Pezeshkian', 'Massoud Pezeshkian'],
    description:
      'President of Iran since July 2024, a heart surgeon and former health minister who campaigned on reviving talks with the West.',
    facts: {
      role: 'President of Iran',
      affiliation: 'Government of Iran',
      country: 'IR',
    },
  },
  {
    kind: 'person',
    name: 'Ali Khamenei',
    slug: 'ali-khamenei',
    aliases: ['Khamenei', 'Ayatollah Ali Khamenei', 'Ayatollah Khamenei'],
    description:
      'Supreme Leader of Iran since 1989, after serving as the country’s president in the 1980s, with the final say on nuclear policy.',
    facts: {
      role: 'Supreme Leader of Iran',
      affiliation: 'Islamic Republic of Iran',
      country: 'IR',
    },
  },
  {
    kind: 'person',
    name: 'Fernando Arias',
    slug: 'fernando-arias',
    aliases: ['Fernando Arias González'],
    description:
      'A Spanish diplomat who served as Director-General of the OPCW from July 2018 to July 2025, a period that included the verified completion of declared chemical weapons destruction in 2023.',
    facts: {
      role: 'Director-General of the OPCW',
      affiliation: 'Organisation for the Prohibition of Chemical Weapons',
      country: 'ES',
    },
  },
  {
    kind: 'person',
    name: 'Robert Floyd',
    slug: 'robert-floyd',
    aliases: [],
    description:
      'An Australian official who has been Executive Secretary of the CTBTO Preparatory Commission since August 2021, after leading Australia’s safeguards and nonproliferation office.',
    facts: {
      role: 'Executive Secretary of the CTBTO Preparatory Commission',
      affiliation: 'CTBTO Preparatory Commission',
      country: 'AU',
    },
  },
  {
    kind: 'person',
    name: 'Izumi Nakamitsu',
    slug: 'izumi-nakamitsu',
    aliases: ['Nakamitsu'],
    description:
      'A Japanese UN official who has served as Under-Secretary-General and High Representative for Disarmament Affairs since 2017.',
    facts: {
      role: 'UN High Representative for Disarmament Affairs',
      affiliation: 'United Nations Office for Disarmament Affairs',
      country: 'JP',
    },
  },
  {
    kind: 'person',
    name: 'António Guterres',
    slug: 'antonio-guterres',
    aliases: ['Antonio Guterres', 'Guterres'],
    description:
      'Secretary-General of the United Nations since January 2017, formerly Prime Minister of Portugal and UN High Commissioner for Refugees.',
    facts: {
      role: 'Secretary-General of the United Nations',
      affiliation: 'United Nations',
      country: 'PT',
    },
    wikidataId: 'Q311440',
  },
  {
    kind: 'person',
    name: 'Mark Rutte',
    slug: 'mark-rutte',
    aliases: ['Rutte'],
    description:
      'NATO Secretary General since October 2024, after nearly 14 years as Prime Minister of the Netherlands.',
    facts: {
      role: 'Secretary General of NATO',
      affiliation: 'North Atlantic Treaty Organization',
      country: 'NL',
    },
    wikidataId: 'Q57792',
  },
  {
    kind: 'person',
    name: 'Volodymyr Zelensky',
    slug: 'volodymyr-zelensky',
    aliases: ['Volodymyr Zelenskyy', 'Zelensky', 'Zelenskyy'],
    description:
      'President of Ukraine since May 2019, leading the country through Russia’s full-scale invasion that began in February 2022.',
    facts: {
      role: 'President of Ukraine',
      affiliation: 'Government of Ukraine',
      country: 'UA',
    },
    wikidataId: 'Q3874799',
  },
  {
    kind: 'person',
    name: 'Sergei Lavrov',
    slug: 'sergei-lavrov',
    aliases: ['Sergey Lavrov', 'Lavrov'],
    description:
      'Russia’s Minister of Foreign Affairs since 2004 and previously its ambassador to the United Nations.',
    facts: {
      role: 'Minister of Foreign Affairs of Russia',
      affiliation: 'Ministry of Foreign Affairs of the Russian Federation',
      country: 'RU',
    },
  },
  {
    kind: 'person',
    name: 'Kaja Kallas',
    slug: 'kaja-kallas',
    aliases: ['Kallas'],
    description:
      'The EU’s High Representative for Foreign Affairs and Security Policy since December 2024, previously Prime Minister of Estonia from 2021 to 2024.',
    facts: {
      role: 'EU High Representative for Foreign Affairs and Security Policy',
      affiliation: 'European Union',
      country: 'EE',
    },
  },
  {
    kind: 'person',
    name: 'Jody Williams',
    slug: 'jody-williams',
    aliases: [],
    description:
      'An American campaigner who was the founding coordinator of the International Campaign to Ban Landmines and shared the 1997 Nobel Peace Prize with it.',
    facts: {
      role: 'Founding coordinator of the ICBL; Nobel Peace Prize laureate',
      affiliation: 'Nobel Women’s Initiative',
      country: 'US',
    },
  },
  {
    kind: 'person',
    name: 'Melissa Parke',
    slug: 'melissa-parke',
    aliases: [],
    description:
      'Executive Director of the International Campaign to Abolish Nuclear Weapons since 2023 and a former Australian member of parliament and government minister.',
    facts: {
      role: 'Executive Director of ICAN',
      affiliation: 'International Campaign to Abolish Nuclear Weapons',
      country: 'AU',
    },
  },
];

export const SEED_TOPICS: SeedEntity[] = [
  {
    kind: 'topic',
    name: 'Landmines',
    slug: 'landmines',
    aliases: ['land mines', 'anti-personnel mines', 'antipersonnel mines'],
    description:
      'Victim-activated explosives and the treaties, clearance work and survivor assistance that address them.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Cluster munitions',
    slug: 'cluster-munitions',
    aliases: ['cluster bombs', 'submunitions'],
    description:
      'Weapons that scatter many smaller explosive submunitions over a wide area, and the efforts to ban and clear them.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Nuclear testing',
    slug: 'nuclear-testing',
    aliases: ['nuclear tests', 'nuclear test ban'],
    description:
      'Nuclear explosive testing, its legacy for affected communities, and the treaties and monitoring systems meant to end it.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Strategic arms control',
    slug: 'strategic-arms-control',
    aliases: ['strategic nuclear arms control', 'strategic arms reduction'],
    description:
      'Negotiated limits on long-range nuclear forces, historically between Washington and Moscow, and the question of what follows New START.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Nuclear nonproliferation',
    slug: 'nonproliferation',
    aliases: ['nonproliferation', 'non-proliferation', 'nuclear non-proliferation'],
    description:
      'Efforts to stop nuclear weapons spreading to more states, centred on the NPT, IAEA safeguards and supplier controls.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Chemical weapons',
    slug: 'chemical-weapons',
    aliases: ['chemical warfare'],
    description:
      'Toxic chemicals used as weapons, their prohibition and destruction, and investigations of alleged use.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Biological weapons',
    slug: 'biological-weapons',
    aliases: ['bioweapons', 'biological warfare'],
    description:
      'Disease-causing organisms and toxins used as weapons, and the gaps in verifying the ban on them.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Missile defense',
    slug: 'missile-defense',
    aliases: ['missile defence', 'ballistic missile defense', 'ballistic missile defence'],
    description:
      'Systems to intercept ballistic, cruise and hypersonic missiles, and their effect on deterrence and arms control.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Export controls',
    slug: 'export-controls',
    aliases: ['export control', 'strategic trade controls'],
    description:
      'National and multilateral rules restricting the transfer of weapons, dual-use goods and sensitive technology.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Humanitarian disarmament',
    slug: 'humanitarian-disarmament',
    aliases: [],
    description:
      'An approach to disarmament that puts the harm weapons cause to civilians at the centre, behind the bans on landmines, cluster munitions and nuclear weapons.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Nuclear-weapon-free zones',
    slug: 'nuclear-weapon-free-zones',
    aliases: ['nuclear weapons-free zones', 'nuclear-weapon-free zone', 'NWFZ'],
    description:
      'Regional treaties under which groups of states renounce nuclear weapons on their territory, with protocols for the nuclear powers to respect the zones.',
    facts: {},
  },
  {
    kind: 'topic',
    name: 'Conventional arms control',
    slug: 'conventional-arms-control',
    aliases: ['conventional arms'],
    description:
      'Limits, transparency and confidence-building measures for non-nuclear forces, from the CFE Treaty to the regulation of the arms trade.',
    facts: {},
  },
];
