"""Word lists the language checks use to tell people from systems.

Kept as plain sets: membership tests are all the checks need, and they must be fast.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set."""
    return frozenset(text.split())


# Common given names from many languages (capitalised, as written in a sentence). A capitalised word
# that is not at the start of a sentence is taken as a name anyway; this list catches names at the
# start of a sentence or a timeline entry ("Priya forgot ...", "14:02 Dana paged ...").
FIRST_NAMES: frozenset[str] = word_set("""
    Pavel Lars Olga Pete Karthik Anjali Mira Ines Inês Bea Haruto Aleksandra Oluwaseun Olu Tomás Wojciech Janek
    Piotr Katarzyna Agnieszka Marek Tomasz Lukasz Nils Björn Mats Jens Kasper Mikkel Chiara Alessandro Emre Ayse
    Layla Ngozi Tendai Thabo Sipho Lerato Haruki Minji Hyun Ankit Divya Meera Sergey Irina Oleg Mihai Ioana
    Bogdan Nikola Petra Zoltan Eszter Tamas Gabor João Thiago Santiago Martina Dolores Minh Tuan Thanh Quang
    Aaron Abby Abdul Abdullah Abel Abigail Ada Adam Adaeze Adebayo Adele Adrian Adriana Afua Agnes Ahmad Ahmed
    Aiden Aiko Aisha Akash Akira Akosua Alan Alba Albert Alberto Alejandra Alejandro Aleksandr Alex Alexa
    Alexander Alexandra Alexei Alexis Alfie Alfred Ali Alice Alicia Alina Alison Allison Alma Amanda Amara
    Amber Amelia Amina Amir Amit Amy Ana Anand Anders Andre Andrea Andreas Andrei Andres Andrew Andy Angela
    Angelica Angus Anika Anil Anita Anja Ann Anna Anne Annie Ansel Anthony Anton Antonio Anu Anya Arash Archie
    Ari Ariana Arjun Arnav Arthur Arun Asha Ashley Ashok Astrid Ava Avery Ayesha Ayumi Aziz Barbara Beatriz
    Becky Bella Ben Benjamin Bernard Beth Bianca Bilal Bill Billy Bjorn Blake Bob Bobby Boris Brad Bradley
    Brandon Brenda Brian Bridget Brittany Bruce Bruno Bryan Caitlin Caleb Callum Cameron Camila Carla Carlos
    Carmen Carol Caroline Carolyn Casey Cassandra Catalina Catherine Cecilia Cedric Charles Charlie Charlotte
    Chen Chidi Chinedu Chioma Chloe Chris Christian Christina Christine Christopher Chuck Claire Clara Claudia
    Clemens Colin Connor Craig Cristina Cynthia Dan Dana Daniel Daniela Danielle Danny Dario Darius Darren
    Dave David Dawn Dean Deborah Debbie Declan Deepak Deepika Denise Dennis Derek Desmond Devi Devon Diana
    Diane Diego Dimitri Dmitri Dominic Donald Donna Doris Dorothy Doug Douglas Duncan Dylan Ebony Eddie Edgar
    Eduardo Edward Elena Eli Elias Elif Elijah Elizabeth Ella Ellen Ellie Eloise Emeka Emil Emily Emma
    Emmanuel Enrique Eric Erica Erik Erin Esther Ethan Eugene Eva Evan Evelyn Ezra Fabian Farah Farid Fatima
    Fatma Felipe Felix Fernando Finn Fiona Florian Frances Francesca Francis Francisco Frank Franz Fred
    Freddie Frederick Freya Gabriel Gabriela Gareth Gary Gavin Gemma Geoff George Georgia Gerald Gerhard
    Gianni Gina Giovanni Giulia Glen Gloria Gonzalo Gordon Grace Graham Greg Gregory Greta Guillermo Gustavo
    Hamza Hana Hannah Hans Harold Harper Harriet Harry Harvey Hassan Hector Heidi Helen Helena Henrik Henry
    Hiroshi Holly Hugo Hussein Ian Ibrahim Ida Ifeoma Igor Ilya Imani Imran Ingrid Irene Iris Isaac Isabel
    Isabella Isla Ismail Ivan Ivy Jack Jackie Jackson Jacob Jacqueline Jade Jake James Jamal Jamie Jan Jane
    Janet Janice Jared Jasmine Jason Javier Jay Jean Jeff Jeffrey Jen Jenna Jennifer Jenny Jeremy Jerome
    Jess Jesse Jessica Jesus Jiang Jill Jim Jimmy Jin Jing Jo Joan Joanna Joao Joe Joel Johan Johann John
    Johnny Jon Jonas Jonathan Jordan Jorge Jose Joseph Josh Joshua Joy Juan Judith Judy Julia Julian Juliana
    Julie Julien Julio Jun June Justin Kai Kamal Karen Karim Karin Karl Kate Katherine Kathleen Kathryn Katie
    Katrin Kavya Kayla Keisha Keith Kelly Ken Kenji Kenneth Kerry Kevin Khalid Kim Kimberly Kirsten Klaus
    Kofi Kumar Kwame Kyle Lakshmi Lara Larry Laura Lauren Lea Leah Lee Leila Lena Leo Leon Leonardo Leslie
    Lewis Li Liam Lily Lin Linda Ling Lisa Liu Liz Lorenzo Louis Louise Luca Lucas Lucia Lucy Luis Luisa
    Lukas Luke Luna Lydia Magnus Mahmoud Maja Malik Manuel Marc Marcel Marco Marcus Margaret Maria Mariam
    Marie Marina Mario Marisol Mark Marta Martha Martin Mary Mateo Matias Matt Matteo Matthew Maureen Max
    Maxim Maya Megan Mehmet Mei Melanie Melissa Mia Michael Michelle Miguel Mike Mikhail Mila Miles Min Ming
    Miriam Mo Mohamed Mohammed Mohan Molly Monica Morgan Muhammad Nadia Nancy Naomi Natalia Natalie Natasha
    Nathan Neha Neil Nick Nicola Nicolas Nicole Nikhil Niklas Nikolai Nina Noah Noel Nora Norah Nuno Oliver
    Olivia Omar Oscar Otto Owen Pablo Paolo Patricia Patrick Paul Paula Pauline Pedro Peter Philip Phoebe
    Pierre Pooja Prakash Priya Priyanka Quentin Rachel Rafael Rahul Raj Rajesh Ralph Ramon Randy Raquel
    Ravi Ray Rebecca Reza Ricardo Richard Rick Riley Rita Rob Robert Roberto Robin Rohan Roman Ron Ronald
    Rosa Rose Ross Roxanne Ruby Rui Russell Ruth Ryan Saanvi Sabrina Sachin Sadia Sakura Sally Salma Sam
    Samantha Samir Samuel Sandeep Sandra Sanjay Sara Sarah Sasha Scott Sean Sebastian Selin Sergei Sergio
    Seth Shane Shannon Sharon Shaun Sheila Shirin Shreya Simon Simone Sina Sofia Sonia Sophia Sophie Stefan
    Stella Stephanie Stephen Steve Steven Stuart Sunil Susan Suzanne Sven Sylvia Takeshi Tamara Tanya Tara
    Ted Teresa Terry Theo Thomas Tiago Tim Timothy Tina Tobias Todd Tom Tomas Tommy Tony Tracy Travis Trevor
    Tyler Umar Uma Valentina Valeria Vanessa Varun Vera Veronica Victor Victoria Vijay Vikram Vincent
    Violet Vivek Vladimir Walter Wanjiru Wei Wendy Will William Xavier Xin Yan Yara Yasmin Yong Yosef Youssef
    Yuki Yusuf Yuri Zach Zachary Zainab Zara Zoe Zoran
    Aisling Aoife Siobhan Niamh Ciara Saoirse Eoin Cian Oisin Ronan Padraig Seamus Diarmuid Orla Brendan Cormac
    Fergal Aleksander Magdalena Svetlana Anneke Femke Maarten Joost Sander Bram Pieter Willem Wouter Lotte Sanne
    Ruud Koen Daan Sjoerd Jelle Hendrik Dirk Jurgen Jürgen Uwe Wolfgang Dieter Horst Manfred Sabine Ute Birgit
    Annika Jannik Leonie Lennart Torsten Ulrich Volker Rainer Heike Silke Dagmar Gunnar Leif Sigrid Solveig Ingvild
    Eirik Håkon Hakon Kari Tuomas Mikko Jukka Antti Heikki Aino Kaisa Sari Timo Pekka Juha Ville Eero Liisa Oskari
    Elin Maren Tove Frida Linnea Camille Amelie Amélie Mathilde Margaux Chloé Léa Manon Clément Clement Baptiste
    Théo Mathieu Guillaume Thibault Benoit Benoît Olivier Sylvain Laurent Sebastien Sébastien Aurelien Aurélien
    Geraldine Élodie Elodie Solene Maelle Guadalupe Ximena Valentín Joaquín Joaquin Ignacio Rodrigo Agustin Agustín
    Facundo Nahuel Camilo Andrés Sebastián Mariana Fernanda Paulina Renata Lorena Marisela Yesenia Itzel Citlali
    Araceli Rocio Rocío Conceição Gonçalo Goncalo Duarte Leonor Matilde Afonso Vasco Caio Rafaela Larissa Thais
    Thaís Leticia Letícia Bruna Gabriele Vitória Vitoria Henrique Otavio Otávio Murilo Raissa Raíssa Jessika Giorgia
    Federica Francesco Lorenza Alessia Elisa Beatrice Ginevra Riccardo Tommaso Filippo Edoardo Giacomo Pietro
    Stefano Emanuele Davide Simona Ilaria Arianna Nikos Giorgos Yiannis Dimitris Eleni Katerina Vasiliki Stavros
    Panagiotis Christos Anastasia Kostas Sotiris Andreea Alexandru Cristian Florin Radu Vlad Ionut Mirela Dragan
     Milica Jelena Marko Nemanja Bojan Ivana Tijana Luka Mateja Dorota Ewa Zofia Jakub Kacper Mateusz Bartosz
    Krzysztof Grzegorz Przemyslaw Michal Michał Paweł Pawel Jarek Kuba Halina Jadwiga Malgorzata Małgorzata Ondrej
    Ondřej Jiri Jiří Petr Lucie Tereza Zuzana Katarina Matej Lubomir Natasa Nataša Ivo Vesna Goran Dejan Zlatan
    Anatoly Dmitry Nikita Pavlo Taras Oksana Yulia Yuliia Olena Kateryna Viktor Vitaly Vitali Artem Artyom Denis
    Kirill Maksim Ruslan Timur Zarina Aigerim Aizhan Nurlan Bakhyt Gulnara Dilnoza Farrukh Rustam Jasur Sherzod
    Ahmet Mustafa Emine Zeynep Ayşe Hatice Burak Cem Deniz Ebru Gizem Kerem Murat Ozan Serkan Tuba Volkan Yasemin
    Babak Dariush Farzad Golnaz Hamid Kaveh Mahsa Maryam Mehdi Nasrin Niloufar Parisa Payam Roya Shadi Soroush
    Behrouz Ladan Bahar Navid Omid Pegah Sahar Shahrzad Zaynab Noor Nour Huda Hiba Rania Reem Dalia Lina Mona
    Nada Rasha Samira Yousef Ziad Tariq Rami Walid Bassam Fadi Hani Majed Nabil Osama Saeed Salim Sami Khaled Fahad
    Nasser Hamad Jassim Abdulrahman Abdulaziz Amr Mostafa Heba Aya Nourhan Menna Yassin Adnan Bashir Idris
    Ilyas Musa Yahya Zakaria Suleiman Hakim Siddharth Sunita Abhishek Ajay Akhil Amitabh Aniket Anirudh Aparna
    Arvind Ashwin Bhavna Chetan Deepti Dhruv Gaurav Harish Harsha Jayant Kiran Krishna Kunal Lalit Madhav Mahesh
    Manish Manoj Nandini Naveen Nisha Pallavi Parth Pradeep Pranav Preeti Radhika Raghav Rakesh Ramesh Ritu Rohit
    Rupali Sameer Sangeeta Santosh Saurabh Shalini Shankar Shikha Shiv Shweta Smita Sneha Srinivas Subramaniam Sudha
    Suresh Swati Tanvi Uday Vandana Vinay Vineet Yash Ishaan Kabir Vihaan Aarav Ananya Diya Kavita Lata Meenakshi
    Padma Revathi Sowmya Venkat Lakshman Murali Senthil Anura Chaminda Dilani Kasun Nimal Ruwan Sanjeewa Tharindu
    Aminul Farhana Nusrat Rashid Shakil Tahmina Arif Asif Hina Humaira Javed Kamran Nadeem Rehan Saad Shahid
    Sana Usman Waqas Zubair Zeeshan Xiaoming Xiaoli Xiaoyu Xiaohong Jianguo Jianhua Peng Qiang Qing Yang Yun Zhen
    Zhi Zhou Haoran Hui Huan Jiawei Jiahui Junjie Kaiyu Lihua Meiling Minghao Mingyu Qian Shuang Siyu Weiming
    Xiaowen Yifan Yiming Yuxuan Zihan Zhiwei Zhihao Kwok Siu Hoi Kaito Keiko Kenta Kazuki Kazuo Koji Makoto Masato
    Masaki Naoki Nobu Ryo Ryota Satoshi Shinji Shota Taro Takumi Takashi Tetsuya Tomoko Tsubasa Yuko Yumi
    Yusuke Yuto Hiroko Haruka Mariko Misaki Nanami Natsuki Sayaka Shiori Akiko Asuka Chihiro Daisuke Eiji Hideo
    Hikaru Hinata Ichiro Kenichi Kohei Jisoo Jiwoo Jiyeon Jihoon Minho Minjun Seojun Seoyeon Soyeon Sunghoon Taehyun
    Yejin Yuna Hyejin Hyunwoo Dongwook Eunji Jaehyun Junho Kyungmin Sangwoo Seungmin Sooyoung Woojin Youngho Linh
    Trang Hoa Huong Phuong Thao Thuy Hieu Khanh Khoa Phong Quoc Trung Vinh Somchai Somsak Siriporn Nattapong
    Kittipong Pimchanok Supaporn Thanawat Wanida Chaiwat Hendra Ketut Rizky Wayan Yudi Fajar Josefina Rizal Maricel
    Jocelyn Rowena Marites Arnel Jomar Rommel Arvin Bongani Thandiwe Mbali Nomvula Sibusiso Siyabonga Themba Zanele
    Lindiwe Lwazi Nandi Nokuthula Palesa Refilwe Tshepo Kagiso Karabo Mpho Tumelo Boitumelo Katlego Lesego Naledi
    Tebogo Thulani Vusi Xolani Ayanda Anele Nkechi Obinna Olumide Femi Funmilayo Folake Adaora Adeola Adewale Adunni
    Babajide Bukola Chidinma Chiamaka Chukwuemeka Chinonso Ebuka Ejiro Funke Ikechukwu Kelechi Kemi Nnamdi Nneka
    Obiora Ogechi Oladele Olamide Olufemi Oluwatobi Seun Tobi Tolu Tunde Uche Yemi Yetunde Temitope Damilola Ayodele
    Abimbola Chinwe Amaka Ifeanyi Kwabena Kwaku Kojo Abena Adwoa Akua Efua Esi Kwesi Afia Ekow Fiifi Kobby
    Wanjiku Wambui Njeri Akinyi Atieno Achieng Otieno Odhiambo Omondi Kamau Kariuki Mwangi Njoroge Kipchoge Kiprono
    Cheruiyot Chebet Jepchirchir Rehema Zawadi Juma Halima Hamisi Saidi Mwajuma Tatu Zuberi Abebe Alemayehu Almaz
    Bekele Dawit Desta Genet Hirut Kebede Meron Mulugeta Selam Tadesse Tigist Yohannes Yonas Ayaan Faduma Hodan
    Hamdi Mohamud Warsame Tatenda Farai Rudo Tafadzwa Nyasha Chipo Kudakwashe Tinashe Rumbidzai Chiedza Aroha Hemi
    Hine Kahu Manaia Nikau Rangi Rawiri Tama Tane Wiremu Ngaio Kailani Leilani Malia Noelani Pua Sione Losa
    Tevita Mele Viliami Salote Semisi Ofa Winston Jonah Jonathon Nathaniel Gideon Malachi Ezekiel Isaiah Josiah
    Elisha Tobiah Ephraim Reuben Judah Yolanda Consuelo Rosario Pilar Montserrat Nuria Ainhoa Iker Unai Aitor Mikel
    Itziar Garazi Dong Dongmei Dongsheng
        Olaf Olav Ole Sune Tore Trond Geir Steinar
""")

# Pronouns and quantifiers that stand for people.
PERSON_PRONOUNS: frozenset[str] = word_set(
    "i he she we you someone somebody anyone anybody everyone everybody whoever who us me him"
)
WEAK_PERSON_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
DEICTIC: frozenset[str] = word_set("it this that which these those there what")
POSSESSIVE_PRONOUNS: frozenset[str] = word_set("his her their my your our")

# Nouns for people and the groups they form ("the on-call engineer", "ops", "the QA team").
ROLE_NOUNS: frozenset[str] = word_set("""
    engineer engineers developer developers dev devs devops operator operators admin admins administrator
    administrators sysadmin sysadmins dba dbas sre sres oncall on-call oncaller oncallers on-caller
    on-callers intern interns contractor contractors reviewer reviewers approver approvers manager managers
    lead leads responder responders person people member members employee employees staff analyst analysts
    architect architects tester testers qa author authors committer committers releaser hire hires ic
    commander guy guys folks team teams crew crews ops support squad colleague colleagues coworker coworkers
    co-worker co-workers teammate teammates human humans owner owners cto ceo vp director head pm tl em swe
    sde eng programmer programmers coder coders techs technician technicians consultant consultants
    newbie newcomer newcomers individual individuals secops netops dbops helpdesk live-ops liveops
    captain captains shepherd maintainer maintainers assignee assignees requester submitter expert experts specialist
    specialists officer executive trainee trainees apprentice juniors seniors rockstar ninja coordinator steward
    champion dispatcher dispatchers driver drivers nurse nurses doctor doctors clerk clerks cashier supervisor
    supervisors foreman auditor accountant receptionist planner planners staffer volunteer student students
    teacher librarian pharmacist surgeon banker trader postdoc postdocs grad grads designer designers
    """)

# Nouns for systems, artefacts and processes.
SYSTEM_NOUNS: frozenset[str] = word_set("""
    model models rule rules
    service services job jobs server servers check checks step steps instruction instructions command
    commands analysis analyses default defaults detector detectors scanner scanners validator validation
    health healthcheck alert alerts alarm alarms logic console consoles panel portal
    monitor monitors monitoring alerting deploy deploys deployment deployments pipeline pipelines script
    scripts process processes cluster clusters node nodes pod pods database databases db dbs cache caches
    queue queues replica replicas replication primary secondary balancer balancers lb dns api apis gateway
    gateways proxy proxies request requests query queries migration migrations build builds test tests
    suite ci cd cron crontab backup backups disk disks certificate certificates cert certs config configs
    configuration integration integrations system systems tool tools tooling automation bot bots runner
    runners worker workers container containers host hosts instance instances vm vms network networks link
    links router routers switch firewall firewalls endpoint endpoints app apps application applications
    release releases rollout rollouts rollback rollbacks failover cutover upgrade upgrades patch patches
    change changes update updates code canary canaries runbook runbooks playbook playbooks documentation
    docs page pages pager dashboard dashboards metric metrics log logs logging scheduler controller daemon
    daemons agent agents library libraries client clients sdk driver drivers connection connections pool
    pools printer printers lock locks index indexes table tables schema vendor vendors provider providers
    cdn load traffic probe probes webhook webhooks hook hooks trigger triggers timer timers task tasks batch etl stream
    streams consumer consumers producer producers broker brokers topic topics partition partitions shard
    shards region regions zone zones datacenter kernel image images registry plan procedure procedures
    checklist policy policies ticket tickets tracker email emails notification notifications message
    messages sms paging escalation rotation site website frontend backend storage bucket buckets volume
    volumes file files flag flags feature features setting settings limit limits threshold thresholds
    retry retries timeout timeouts lag latency rate rates version versions branch branches commit commits
    merge pr fix hotfix bug bugs issue issues incident outage failure error errors exception exceptions
    leak memory cpu quota terraform ansible helm puppet chef jenkins kubernetes k8s docker postgres
    postgresql mysql redis kafka nginx haproxy envoy istio consul vault etcd zookeeper elasticsearch
    mongodb cassandra rabbitmq celery sidekiq grafana prometheus datadog pagerduty opsgenie sentry splunk
    github gitlab bitbucket circleci argocd argo spinnaker aws gcp azure s3 ec2 rds lambda cloudflare
    akamai fastly stripe twilio okta slack zoom linux systemd supervisor cronjob daemonset statefulset
    replicaset ingress autoscaler hpa tls ssl dhcp bgp vpn sso ldap oauth saml dashboarding lint linter
    compiler orchestrator platform infrastructure infra environment staging production prod dev-env
    kiosk kiosks template templates terminal terminals device devices firmware appliance appliances printer
    printers sensor sensors restore restores importer importers exporter exporters wrapper wrappers form forms
    train trains data dataset datasets sdk sdks escalation changelog changelogs
    """)

# Capitalised words that are not names, seen at the start of a clause.
COMMON_CAPITALISED: frozenset[str] = word_set("""
    the a an this that these those it its our their his her my your we they he she i you there here then
    also after before when while during since until because but and or so if although though however
    nobody everyone someone anyone one some any all both each every no not never root cause impact summary
    timeline mitigation resolution detection trigger lessons lesson note notes action actions why what how
    who where update status sev1 sev2 sev3 sev4 customer customers user users monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september october
    november december utc gmt
    """)

# Verbs that people do rather than systems: used when the subject is unclear.
PERSON_VERBS: frozenset[str] = word_set("""
    notice realise realize check double-check verify follow read test review escalate communicate inform
    tell acknowledge ack consider anticipate foresee document mention ask coordinate understand warn flag
    remember plan prepare confirm consult look spot see listen heed hand wait think care pay take bother
    learn question speak share involve raise declare investigate report update renew announce approve
    notify
    """)
PERSON_PARTICIPLES: frozenset[str] = word_set("""
    noticed realised realized checked double-checked verified followed read tested reviewed escalated
    communicated told informed acknowledged considered anticipated foreseen documented mentioned asked
    coordinated understood warned flagged remembered planned prepared confirmed consulted looked spotted
    seen listened heeded waited thought known paid taken questioned spoken shared raised declared
    investigated reported announced approved rolled reverted caught stopped paused aborted double-checked
    """)

# Verbs for what systems do: "the job failed to start", "the alert should have fired".
SYSTEM_VERBS: frozenset[str] = word_set("""
    start restart boot load connect bind compile build apply schedule resolve parse acquire rotate sync
    replicate fire trigger detect alert deliver send authenticate mount allocate provision scale drain
    elect converge propagate return complete finish recover reconnect launch initialise initialize register
    pull push upload download write flush open close serve accept handle process execute run terminate
    stop shut catch cover prevent block reject match deploy roll migrate upgrade restore expire evict
    release lock unlock reach come become pass page route fail failover retry time trip kick spin heal
    clear reconcile install render display show respond reload refresh propagate emit produce consume
    publish index cache backup back store save persist commit rollback revert shift move balance
    """)
SYSTEM_PARTICIPLES: frozenset[str] = word_set("""
    started restarted booted loaded connected bound compiled built applied scheduled resolved parsed
    acquired rotated synced replicated fired triggered detected alerted delivered sent authenticated
    mounted allocated provisioned scaled drained elected converged propagated returned completed finished
    recovered reconnected launched initialised initialized registered pulled pushed uploaded downloaded
    written flushed opened closed served accepted handled processed executed run terminated shut covered
    prevented blocked rejected matched deployed migrated upgraded restored expired evicted released locked
    unlocked reached come become passed paged routed failed retried timed tripped kicked spun healed
    cleared reconciled installed rendered displayed shown responded reloaded refreshed emitted produced
    consumed published indexed cached stored saved persisted committed shifted moved balanced throttled
    limited capped included configured set enabled disabled removed deleted demoted promoted
    """)

# "Failed to connect", "failed to log in": trying and not managing is a fact, not a judgement.
ATTEMPT_VERBS: frozenset[str] = word_set(
    "connect log login access reach reproduce authenticate ssh load open find get join locate sign"
)

# "The DBA should have been paged": the person receives the action; that is about the system.
RECIPIENT_PARTICIPLES: frozenset[str] = word_set("""
    paged notified told informed alerted consulted included involved given trained asked woken called
    contacted warned invited added looped brought escalated shown granted offered allowed supported
    """)

# Words skipped when looking back from a verb for its subject.
SKIP_BACK: frozenset[str] = word_set("""
    also then just simply again still repeatedly completely apparently clearly obviously initially later
    subsequently unfortunately had has have did does do was were is are probably likely may might really
    actually never not totally entirely already eventually finally ultimately immediately once twice
    basically essentially unsurprisingly predictably somehow himself herself themselves itself
    """)

NEGATIONS: frozenset[str] = word_set("""
    not no never nobody none neither nor without rather instead isn't wasn't aren't weren't don't doesn't
    didn't hasn't haven't hadn't won't wouldn't can't cannot couldn't shouldn't avoid avoiding avoided
    nothing hardly
    isnt wasnt arent werent dont doesnt didnt hasnt havent hadnt wouldnt couldnt shouldnt
    """)  # the last line: chat typed without apostrophes ("i dont think anyone messed up")
# "Phrases like 'should have'": the words are mentioned, not used.
MENTION_CUES: frozenset[str] = word_set("term phrase phrases word words saying wording language")

# Given names that are also common words or tool names: not taken as a name when typed in lower case.
NAMES_THAT_ARE_WORDS: frozenset[str] = word_set("""
    will mark bill rob jack may june ray max grace joy rose ruby hope faith art chuck drew frank gene dawn dean
    glen guy ivy lily nick pat rich sandy summer violet carol jade amber august holly iris jasmine pearl penny
    hunter miles sue don lee li lin jan jo mo min kai van ali ada hugo luna nova alexa otto felix sam ed al
    chen wei jun yan ming xin yong ling mia leo lucky sky river stone victor bella stella olive jean page
    bruno rosa vera
    """)

# Parts of hyphenated words that make them ordinary words, not names ("Follow-up", "Roll-out").
NOT_NAME_PARTS: frozenset[str] = word_set("""
    up on in out off run re pre co non sub add set all one two per pro anti self well post mid multi semi auto
    read only low high long short built check sign roll follow hand back log opt end top time real full half
    """)
