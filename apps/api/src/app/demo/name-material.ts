/**
 * Curated name material for fictitious applicants: surnames and first names as they are found in
 * Béarn, the Pays basque, the rest of France and the families who came from Spain, Portugal, the
 * Maghreb, Turkey and West Africa. Each list is roughly ordered from the most to the least
 * common. The long tail of rare surnames is generated from the morphemes at the end.
 */

export const ORIGINS = [
  'FRENCH',
  'GASCON',
  'BASQUE',
  'SPANISH',
  'PORTUGUESE',
  'ITALIAN',
  'MAGHREB',
  'TURKISH',
  'WEST_AFRICAN',
] as const;
export type Origin = (typeof ORIGINS)[number];

/** Share of each origin among applicants' surnames (head and tail alike). */
export const ORIGIN_WEIGHTS: Record<Origin, number> = {
  FRENCH: 40,
  GASCON: 20,
  BASQUE: 8,
  SPANISH: 9,
  PORTUGUESE: 7,
  ITALIAN: 2,
  MAGHREB: 9,
  TURKISH: 2,
  WEST_AFRICAN: 3,
};

const words = (text: string): string[] =>
  text
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);

export const CURATED_SURNAMES: Record<Origin, readonly string[]> = {
  FRENCH: words(`Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
    Laurent, Lefebvre, Michel, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Lefèvre,
    Mercier, Dupont, Lambert, Bonnet, François, Fontaine, Rousseau, Blanc, Guérin, Muller, Henry, Roussel,
    Nicolas, Perrin, Morin, Mathieu, Clément, Gauthier, Dumont, Faure, Meyer, Dufour, Meunier, Brun,
    Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier, Arnaud, Gérard, Roche, Renard,
    Schmitt, Roy, Leroux, Colin, Vidal, Caron, Picard, Roger, Fabre, Aubert, Lemoine, Renaud, Dumas,
    Lacroix, Olivier, Philippe, Bourgeois, Pierre, Benoît, Rey, Leclerc, Payet, Rolland, Leclercq,
    Guillaume, Lecomte, Jean, Dupuy, Guillot, Hubert, Berger, Carpentier, Dupuis, Moulin, Louis,
    Deschamps, Huet, Vasseur, Boucher, Fleury, Royer, Klein, Jacquet, Adam, Paris, Poirier, Marty, Aubry,
    Guyot, Carré, Charles, Renault, Charpentier, Ménard, Maillard, Baron, Bertin, Bailly, Hervé,
    Schneider, Le Gall, Collet, Léger, Bouvier, Julien, Prévost, Millet, Perrot, Daniel, Le Roux, Cousin,
    Germain, Breton, Besson, Langlois, Rémy, Le Goff, Pelletier, Lévêque, Perrier, Leblanc, Barré,
    Lebrun, Marchal, Weber, Mallet, Hamon, Boulanger, Jacob, Monnier, Michaud, Guichard, Gillet, Étienne,
    Grondin, Poulain, Tessier, Chevallier, Collin, Chauvin, Bouchet, Gay, Lemaître, Bénard, Maréchal,
    Humbert, Reynaud, Antoine, Hoarau, Perret, Barthélemy, Cordier, Pichon, Lejeune, Gilbert, Lamy,
    Delaunay, Pasquier, Carlier, Laporte, Dupré, Marchand, Duval, Denis, Lemaire, Noël, Chevalier,
    Legrand, Garnier, Boyer, Masson, Gautier, Robin, Rodier, Bazin, Leduc, Guillon, Chauveau, Marion,
    Hardy, Blondel, Vallet, Tanguy, Gomez, Bigot, Rigaud, Brunel, Texier, Verdier, Bouquet, Descamps,
    Couturier, Riviere, Drouet, Fouquet, Bousquet, Chartier, Rousset, Raynaud, Dumoulin, Delmas, Pons,
    Tardieu, Lombard, Buisson, Sauvage, Teyssier, Ferrand, Mounier, Lebon, Jourdan, Vial, Barre, Marc,
    Delorme, Cartier, Jolivet, Gros, Valette, Mérel, Courtois, Hamel, Laine, Labbé, Tournier, Delage,
    Thibault, Godard, Chapuis, Joubert, Pineau, Aubin, Bourdon, Lebreton, Hébert, Desbois, Mauger,
    Peltier, Poulet, Ollivier, Devaux, Jacques, Geoffroy, Chopin, Pottier, Ferrer, Leconte, Mouton,
    Beaumont, Rossignol, Lagarde, Thiébaut, Granger, Villard, Castel, Lecoq, Pages, Tissot, Carpentier,
    Combes, Duhamel, Benard, Boutin, Martel, Grand, Prud'homme, L'Hôte, Vigier, Chabert, Jouve, Vernet,
    Faivre, Bourgoin, Lelièvre, Rouxel, Corre, Guyon, Andrieu, Lesage, Forestier, Navarro, Cochet,
    Maury, Bonneau, Pierron, Laroche, Berthelot, Delattre, Sénéchal, Quéré, Rault, Lhermitte, Desmarais`),
  GASCON: words(`Lacoste, Bordenave, Casenave, Lassalle, Puyau, Darrigrand, Haurat, Larrieu, Laborde, Lafitte,
    Lalanne, Lamarque, Lasserre, Labat, Cazaux, Capdevielle, Claverie, Dufau, Dulucq, Estrade, Hourcade,
    Lahitte, Lanusse, Larrouy, Loustau, Marsan, Pédelucq, Peyrou, Pouey, Pucheu, Sarthou, Tisné, Bégué,
    Béguerie, Lembeye, Lapègue, Laplace, Larrère, Camblong, Barrère, Poublan, Labarthe, Lamazou, Candau,
    Destandau, Lafourcade, Hourquebie, Cazenave, Casaubon, Lacaze, Laclau, Lacrampe, Lamothe, Laffargue,
    Lartigue, Lartigau, Laulhé, Mirande, Nogué, Pédebernade, Péré, Peyré, Pommiès, Pourtau, Sallenave,
    Sarrailh, Sempé, Soulé, Tauzin, Touya, Vergez, Abadie, Abbadie, Arripe, Bacqué, Baylac, Bayle, Bergez,
    Bernadet, Bonnecaze, Bourdieu, Cabanne, Cabarrou, Capdeville, Carrère, Castaing, Castagnet, Caubet,
    Cazalis, Darricau, Dartigues, Daugé, Domecq, Duprat, Fourcade, Gassie, Labadie, Labourdette,
    Lacabanne, Lacourrège, Lafon, Lalande, Lamaison, Lanne, Lapeyre, Larrède, Latapie, Latrubesse,
    Lavigne, Loubère, Maysonnave, Pambrun, Peyrot, Pouyanne, Sabathé, Saint-Martin, Salles, Subercaze,
    Lacassagne, Lagrède, Laguerre, Lahore, Lamarche, Lanot, Laplacette, Larroque, Lartet, Lasbordes,
    Lescoute, Lesbats, Loustalot, Lucbéreilh, Mansan, Marcadieu, Marquèze, Minvielle, Miramon, Moncla,
    Monlezun, Mora, Nabonne, Navarrot, Pédegert, Pédeprade, Pène, Périssé, Peyran, Picot, Pinsolle,
    Poey, Pomarez, Porte, Poueyto, Prat, Prédassou, Puyoo, Ribes, Rivière-Lassalle, Sabadie, Saubot,
    Sarrabère, Sarraute, Sauboua, Ségalas, Sentucq, Serres, Soubiron, Soubabère, Sourbets, Talabot,
    Tauziet, Ténot, Tucoulet, Vignau, Dabadie, Dagès, Dasté, Daguerre, Darracq, Darré, Dauga, Despaux,
    Diharce, Doassans, Duboscq, Dubos, Ducassou, Ducos, Dulac, Dupérou, Espagnet, Forsans, Gaston,
    Gouze, Guichot, Haget, Hagoues, Hontang, Hourçourigaray, Junqua, Labeyrie, Labrouche, Lacamoire,
    Lacoume, Ladevèze, Lafargue, Lagoardette, Laguilhon, Lahargou, Lalaude, Lamarque-Cando, Lannes,
    Laouilhé, Lapassade, Lapuyade, Larregain, Larrey, Lassègue, Latour, Lauga, Laurède, Lavielle`),
  BASQUE:
    words(`Etcheverry, Etchegaray, Iribarne, Harriet, Etchart, Etchepare, Etcheto, Etchebarne, Elissalde,
    Haristoy, Haramboure, Hiriart, Irigoyen, Iriart, Ithurralde, Larramendy, Mendiboure, Ospital,
    Oyhénart, Oyharçabal, Salaberry, Sallaberry, Urruty, Uhart, Amestoy, Apesteguy, Bidegain, Bidart,
    Borda, Camino, Carricaburu, Duhalde, Elgart, Errecart, Eyheramendy, Garat, Goyhenetche, Goyenetche,
    Harispe, Hégoburu, Hirigoyen, Inchauspé, Indart, Iriberry, Jaureguiberry, Laxague, Mendy, Olhagaray,
    Pagola, Sorhondo, Zubieta, Etxeberria, Berhocoirigoin, Çaldumbide, Etchebest, Etchecopar,
    Etcheberry, Etchemendy, Etchegoyen, Echeverria, Arrieta, Ibarra, Aguerre, Aguirre, Agorreta, Alcorta,
    Ainciart, Ameztoy, Arbelbide, Arhancet, Aristeguy, Arotçarena, Barneix, Bidaurreta, Dargains,
    Darraïdou, Elichondo, Elizalde, Erramouspé, Etcheberrigaray, Garicoix, Gorostiague, Goyheneche,
    Harguindeguy, Hiriberry, Hourmilougué, Ibarboure, Idiart, Irazoqui, Iturria, Jauregui, Larrea,
    Lasarte, Lohitéguy, Mendiondo, Ochoa, Oçafrain, Olçomendy, Oxandabaratz, Sorhaïtz, Urrutia,
    Zubiri, Arrosagaray, Elhorga, Etchandy, Hualde, Irigaray, Larralde, Mailharro, Mocho, Ourtiague`),
  SPANISH: words(`Garcia, Martinez, Lopez, Sanchez, Fernandez, Gonzalez, Rodriguez, Perez, Gomez, Diaz,
    Hernandez, Moreno, Muñoz, Alvarez, Romero, Ruiz, Jimenez, Navarro, Torres, Dominguez, Vazquez,
    Ramirez, Gil, Serrano, Blanco, Molina, Ortega, Delgado, Castro, Ortiz, Rubio, Marín, Sanz, Iglesias,
    Medina, Garrido, Cortés, Castillo, Santos, Lozano, Guerrero, Cano, Prieto, Méndez, Calvo, Gallego,
    León, Herrera, Márquez, Peña, Flores, Cabrera, Campos, Vega, Fuentes, Carrasco, Diez, Caballero,
    Reyes, Nieto, Aguilar, Pascual, Santana, Herrero, Lorenzo, Hidalgo, Montero, Ibáñez, Giménez, Durán,
    Vicente, Benítez, Santiago, Arias, Vargas, Carmona, Crespo, Román, Pastor, Soto, Sáez, Velasco, Moya,
    Soler, Parra, Esteban, Bravo, Gallardo, Rojas, Sala, Pujol, Casanova, Puig, Vila, Fabregas, Roig,
    Bosch, Ferrero, Escudero, Cuesta, Aranda, Salinas, Ortuño, Zapata, Cervera, Almeida-Ruiz, Barrios`),
  PORTUGUESE: words(`Da Silva, Dos Santos, Ferreira, Pereira, Rodrigues, Fernandes, Gonçalves, Gomes, Lopes,
    Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho, Teixeira, Moreira, Correia, Mendes, Nunes, Soares,
    Vieira, Monteiro, Cardoso, Rocha, Coelho, Cunha, Pires, Ramos, Sousa, De Sousa, Oliveira,
    De Oliveira, Costa, Da Costa, Martins, Machado, Magalhães, Azevedo, Barbosa, Tavares, Fonseca,
    Araújo, Lourenço, Simões, Freitas, Antunes, Batista, Faria, Mota, Leite, Brandão, Matos, Amaral,
    Figueiredo, Neves, Sequeira, Quintas, Valente, Guerreiro, Caldeira, Esteves, Portela, Rebelo`),
  ITALIAN: words(`Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno,
    Gallo, Conti, De Luca, Costa, Giordano, Mancini, Rizzo, Lombardi, Moretti, Barbieri, Fontana,
    Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli`),
  MAGHREB: words(`Benali, Benamar, Bouzid, Belkacem, Brahimi, Chérif, Haddad, Hamidi, Khelifi, Mansouri,
    Meziane, Saïdi, Amrani, Zerrouki, Benmoussa, Bensaïd, El Amrani, El Idrissi, Azzouz, Bouaziz, Cherifi,
    Ferhat, Hadj, Kaci, Lahlou, Larbi, Messaoudi, Mokrani, Nasri, Ouali, Rahmani, Slimani, Yahiaoui,
    Ziani, Benyahia, Chaoui, Dahmani, Hamdi, Kaddour, Mebarki, Mohammedi, Rachidi, Sahraoui, Touati,
    Zidane, Bennani, Benjelloun, Alaoui, Tazi, Belhadj, Ben Salah, Trabelsi, Gharbi, Ayari, Ait Ali,
    Aït Ouméziane, Boukhari, Belaïd, Benhamou, Bouchareb, Djebbar, Guerfi, Hamadi, Kherbouche,
    Laïb, Mahdi, Mekki, Moussaoui, Ould Ahmed, Saadi, Seddiki, Tahri, Yousfi, Zouaoui, Abdelli, Achour,
    Ait Ahmed, Amara, Aouadi, Azoulay, Bakri, Belarbi, Benaïssa, Bendjeddou, Benkhaled, Bouabdallah,
    Boudjema, Chabane, Chikhi, Djellouli, El Khattabi, Hammoudi, Kadri, Khaldi, Lounis, Mammeri`),
  TURKISH: words(`Yilmaz, Kaya, Demir, Sahin, Celik, Yildiz, Yildirim, Ozturk, Aydin, Ozdemir, Arslan, Dogan,
    Kilic, Aslan, Cetin, Kara, Koç, Kurt, Ozkan, Simsek, Polat, Korkmaz, Karaca, Erdogan, Güler, Tekin,
    Ünal, Yavuz, Aksoy, Bulut, Akbulut, Keskin, Turan, Gündogdu, Kaplan`),
  WEST_AFRICAN: words(`Diallo, Traoré, Koné, Coulibaly, Diarra, Camara, Sylla, Cissé, Touré, Keita, Sow, Ba,
    Diop, Ndiaye, Fall, Sarr, Faye, Mbaye, Gueye, Diouf, Kanté, Konaté, Sissoko, Doumbia, Bamba,
    Ouattara, Dembélé, Sangaré, Fofana, Baldé, Barry, Bah, Sacko, Soumaré, Tall, Niang, Seck, Thiam,
    Kouassi, Kouamé, Yao, N'Diaye, N'Guessan, Gomis, Sagna, Badji, Diatta, Kouyaté, Samaké, Tounkara`),
};

/** Family-name particles (« de Lassalle », « du Bosc », « d'Abbadie »), before Gascon place names. */
export const PARTICLE_NAMES =
  words(`Lassalle, Bosc, Abbadie, Arthez, Laborde, Casenave, Montesquiou, Navailles,
  Gramont, Lur, Espalungue, Baudéan, Lons, Béarn, Saint-Cricq, Lescun, Andoins, Foix, Belsunce, Luppé,
  Marca, Bordeu, Monein, Laàs, Orthez, Viellenave, Lamothe, Lagarde, Lahourcade, Castéra`);

type Sex = 'F' | 'M';
export type { Sex };

/** French first names by sex and birth period (the fashion of each generation). */
export const FRENCH_FIRST_NAMES: Record<Sex, readonly (readonly string[])[]> = {
  F: [
    // born before 1955
    words(`Marie, Jeanne, Monique, Jacqueline, Simone, Yvette, Paulette, Odette, Denise, Germaine, Suzanne,
      Madeleine, Colette, Micheline, Ginette, Josette, Raymonde, Andrée, Lucienne, Marguerite, Thérèse,
      Yvonne, Marcelle, Renée, Huguette, Gisèle, Françoise, Christiane, Danielle, Nicole, Annie, Arlette,
      Janine, Geneviève, Hélène, Claudine, Éliane, Bernadette, Maïté, Pierrette, Lucette, Henriette,
      Marie-Louise, Marie-Thérèse, Anne-Marie, Jeannine, Mireille, Paule, Reine, Fernande`),
    // 1955–1974
    words(`Martine, Catherine, Christine, Sylvie, Isabelle, Brigitte, Nathalie, Patricia, Véronique, Chantal,
      Dominique, Pascale, Valérie, Corinne, Sandrine, Laurence, Françoise, Évelyne, Joëlle, Marie-Christine,
      Marie-Pierre, Marie-Hélène, Anne-Marie, Béatrice, Fabienne, Florence, Muriel, Frédérique, Hélène,
      Maryse, Carole, Agnès, Myriam, Karine, Claire, Marie-France, Annick, Régine, Ghislaine, Josiane,
      Maïté, Marie-José, Marie-Claude, Élisabeth, Anne, Marie-Laure, Patricia, Laurence, Bénédicte`),
    // 1975–1994
    words(`Céline, Aurélie, Stéphanie, Émilie, Julie, Sandrine, Élodie, Virginie, Audrey, Mélanie, Laetitia,
      Caroline, Sophie, Anne-Sophie, Marion, Delphine, Amandine, Jessica, Vanessa, Camille, Laura, Pauline,
      Marine, Sarah, Charlotte, Claire, Coralie, Cindy, Anaïs, Morgane, Lucie, Élise, Gaëlle, Noémie,
      Mathilde, Jennifer, Séverine, Karine, Emmanuelle, Alexandra, Marie-Laure, Angélique, Nadège, Aline,
      Ophélie, Magali, Estelle, Cécile, Sabrina, Marlène, Priscilla, Élodie, Maïlys, Lætitia`),
    // 1995 and later
    words(`Léa, Manon, Chloé, Emma, Camille, Inès, Lola, Jade, Sarah, Océane, Clara, Lisa, Mathilde, Juliette,
      Zoé, Louise, Lina, Alice, Ambre, Maëlys, Anaïs, Justine, Romane, Eva, Lou, Nina, Léna, Margaux, Lucie,
      Louna, Agathe, Rose, Mila, Jeanne, Anna, Alicia, Salomé, Héloïse, Maëva, Maïa, Enora, Laly, Lilou,
      Capucine, Célia, Elsa, Gabrielle, Apolline, Jessica, Morgane, Cassandra, Laurine, Mélissa, Anaëlle`),
  ],
  M: [
    words(`Jean, Pierre, Michel, André, Jacques, Bernard, René, Marcel, Louis, Roger, Robert, Claude, Henri,
      Paul, Georges, Raymond, Gérard, Maurice, Joseph, Daniel, Guy, Lucien, Roland, Jean-Pierre, Jean-Claude,
      Jean-Louis, Yves, Francis, Gilbert, Serge, Alain, Christian, Émile, Albert, Gaston, Fernand, Léon,
      Jean-Baptiste, Firmin, Jean-Marie, Marius, Armand, Edmond, Félix, Lucien, Jean-Jacques, Noël`),
    words(`Philippe, Alain, Patrick, Thierry, Éric, Pascal, Christophe, Didier, Dominique, Bruno, Laurent,
      Jean-Marc, Jean-Luc, Frédéric, Stéphane, Olivier, Gilles, Joël, Francis, Jean-François, Jean-Michel,
      Hervé, Denis, Patrice, Serge, Lionel, Franck, Pierre, Bernard, Daniel, Marc, Jean-Paul, Jean-Jacques,
      Régis, Gérald, Jean-Pierre, Jean-Philippe, Vincent, Yannick, Michel, Claude, Jacky, Fabrice, Pascal`),
    words(`Nicolas, Julien, Sébastien, Guillaume, Jérôme, Mickaël, Cédric, Romain, Vincent, Anthony, David,
      Benjamin, Maxime, Thomas, Kévin, Jonathan, Damien, Fabien, Grégory, Jérémy, Alexandre, Mathieu,
      Ludovic, Arnaud, Florian, Yannick, Loïc, Raphaël, Xavier, Aurélien, Stéphane, Christophe, Frédéric,
      Jean-Baptiste, Pierre-Yves, Adrien, Clément, Antoine, Quentin, Matthieu, Emmanuel, Sylvain, Rémi,
      Bertrand, Jean-Charles, Pierre-Alexandre, Joris, Cyril, Geoffrey, Steve, Jimmy, Johan`),
    words(`Lucas, Hugo, Théo, Enzo, Nathan, Louis, Mathis, Tom, Clément, Maxime, Léo, Raphaël, Gabriel, Arthur,
      Jules, Noah, Ethan, Baptiste, Paul, Axel, Yanis, Adam, Mathéo, Nolan, Timéo, Sacha, Evan, Rayan,
      Matteo, Kylian, Valentin, Alexis, Dylan, Loïs, Romain, Quentin, Bastien, Antoine, Corentin, Killian,
      Mattéo, Esteban, Noé, Thibault, Florian, Jordan, Benjamin, Aurélien, Loïc, Anthony`),
  ],
};

/** First names of families of other origins (often, not always: many give French ones). */
export const ORIGIN_FIRST_NAMES: Partial<Record<Origin, Record<Sex, readonly string[]>>> = {
  BASQUE: {
    F: words(`Maïté, Amaia, Ainhoa, Miren, Itziar, Nahia, Maialen, Graxi, Kattalin, Elorri, Argitxu, Irati,
      Leire, Oihana, Garazi, Maddi, Ane, Maider, Naroa, Ximena, Alaia, Haizea, Uxue, Josepha, Marixan`),
    M: words(`Peio, Beñat, Xabi, Iñaki, Mikel, Ramuntcho, Manex, Txomin, Eneko, Ander, Iban, Mattin, Gorka,
      Julen, Aitor, Joanes, Ellande, Battitt, Xavier, Ximun, Unai, Eñaut, Erwan, Patxi, Koldo, Antton`),
  },
  SPANISH: {
    F: words(`María, Carmen, Dolores, Pilar, Isabel, Ana, Rosa, Concepción, Mercedes, Teresa, Lucía, Elena,
      Cristina, Laura, Marta, Raquel, Nuria, Inmaculada, Montserrat, Encarnación, Rosario, Josefa, Ángela`),
    M: words(`José, Antonio, Manuel, Francisco, Juan, Miguel, Carlos, Javier, Rafael, Pedro, Jesús, Ángel,
      Luis, Alejandro, Sergio, Pablo, Fernando, Enrique, Ramón, Andrés, Diego, José-Luis, Juan-Carlos`),
  },
  PORTUGUESE: {
    F: words(`Maria, Ana, Fernanda, Isabel, Sandra, Paula, Sónia, Cristina, Teresa, Rosa, Lúcia, Catarina,
      Sofia, Inês, Joana, Carla, Patrícia, Mónica, Fátima, Conceição, Graça, Helena, Manuela, Rita`),
    M: words(`José, Manuel, António, Carlos, Paulo, Luís, Fernando, Jorge, Rui, Nuno, Ricardo, Tiago, Pedro,
      Sérgio, Joaquim, Francisco, Mário, Vítor, João, Armando, Fábio, Hélder, Filipe, Bruno`),
  },
  ITALIAN: {
    F: words(
      `Maria, Giulia, Francesca, Chiara, Anna, Giovanna, Rosa, Lucia, Paola, Silvia, Angela, Antonella`,
    ),
    M: words(`Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Angelo, Vincenzo, Pietro, Marco, Luca`),
  },
  MAGHREB: {
    F: words(`Fatima, Khadija, Nadia, Samira, Leïla, Yasmina, Amina, Malika, Karima, Naïma, Souad, Sabrina,
      Meriem, Nora, Sonia, Hafida, Rachida, Zohra, Fatiha, Djamila, Houria, Kenza, Inès, Sarah, Yasmine,
      Lina, Nour, Imane, Assia, Salma, Rania, Lamia, Aïcha, Hanane, Nawel, Wafa, Zineb, Farida, Saliha`),
    M: words(`Mohamed, Ahmed, Karim, Mehdi, Rachid, Samir, Nabil, Youssef, Mustapha, Abdelkader, Hocine, Saïd,
      Farid, Kamel, Bilal, Yassine, Sofiane, Amine, Walid, Hamza, Ilyes, Ryad, Djamel, Malik, Nordine,
      Abdel, Brahim, Omar, Ali, Hakim, Mourad, Khalid, Yanis, Rayan, Adam, Ismaël, Anis, Nassim, Abdallah`),
  },
  TURKISH: {
    F: words(`Ayse, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Özlem, Sevgi, Esra, Hülya, Derya, Gül, Dilek,
      Büsra, Songül, Yasemin, Melek, Nur, Sibel, Selin, Ebru`),
    M: words(`Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, Ibrahim, Ismail, Osman, Yusuf, Murat, Ömer, Emre,
      Burak, Kemal, Serkan, Recep, Cem, Volkan, Erkan, Selim, Kadir`),
  },
  WEST_AFRICAN: {
    F: words(`Aminata, Fatoumata, Mariam, Kadiatou, Aïssatou, Awa, Fanta, Hawa, Oumou, Ramata, Djénéba, Bintou,
      Coumba, Rokia, Mariama, Ndèye, Astou, Aïcha, Adjoa, Ama, Khady, Sokhna, Fatou, Nafissatou`),
    M: words(`Mamadou, Moussa, Ibrahima, Abdoulaye, Ousmane, Amadou, Sékou, Boubacar, Souleymane, Modibo, Bakary,
      Seydou, Cheikh, Oumar, Lamine, Issa, Aliou, Demba, Mohamed, Youssouf, Koffi, Yao, Kouadio, Idrissa`),
  },
};

/**
 * Morphemes of the generated long tail, per origin: a name is a head, optional middles and an
 * ending (« Lab » + « ar » + « rère », « Etche » + « garay »). `accented` endings bring the
 * accents of the real ones.
 */
export interface Morphemes {
  heads: readonly string[];
  middles: readonly string[];
  endings: readonly string[];
  /** Chance of one middle, and of a second one. */
  middleChance: number;
  /** Consonants and vowels of the language's open syllables, added to the middles. */
  syllables: { consonants: string; vowels: string };
  /** Prefix words that stay separate (« Da », « El »), with their chance. */
  prefixes?: readonly string[];
  prefixChance?: number;
}

export const TAIL_MORPHEMES: Record<Origin, Morphemes> = {
  FRENCH: {
    heads: words(`Ber, Bon, Mar, Mor, Ro, Char, Chev, Dur, Fon, Gar, Lam, Mer, Mon, Pel, Rou, Ta, Va, Vil,
      Bou, Bro, Cha, Del, Des, Dor, Fav, Gir, Gu, Jo, Lau, Leb, Lem, Mal, Mich, Pa, Per, Ri, Sa, Tes, Ver,
      Vau, Cou, Gau, Bri, Bau, Cro, Fer, Gil, Hou, Jou, Lou, Mau, Pi, Que, Tri, Vo, Ché, Bé, Dé, Lé, Ré`),
    middles: words(`a, e, i, o, ou, au, el, er, ar, an, on, in, ill, ch, ss, ll, tt, rr, nn, é, è`),
    endings: words(`ard, et, ier, on, in, eau, aud, ot, ois, ès, é, ère, ault, elle, ert, and, ant, eux, ieu,
      ac, at, y, ez, ais, ard, ette, ey, iot, ouin, ange, erie, ade, ain, ille, ard, ot, et, ier, in`),
    middleChance: 0.75,
    syllables: { consonants: 'b, c, d, f, g, l, m, n, p, r, s, t, v, ch', vowels: 'a, e, i, o, ou, é, au' },
  },
  GASCON: {
    heads: words(`La, Las, Lo, Cap, Case, Casa, Hour, Pey, Puy, Bor, Lar, Bar, Caz, Lab, Lac, Laf, Lag, Lam,
      Lan, Lap, Lat, Pou, Sar, Ber, Mon, Pé, Bé, Dar, Dau, Arr, Abb, Esc, Hau, Tou, Sal, Ver, Cas, Mira,
      Poey, Sou, Pédé, Cau, Lesp, Hon, Ar, Da, Du, Duc, Mau, Ty, Bal, Sau`),
    middles:
      words(`bor, rr, ss, cr, rt, nn, ba, be, ca, co, da, de, ga, la, lo, ma, mo, na, pe, ra, re, ro, ta,
      to, ve, vi, bi, ou, oey, ure, rq`),
    endings: words(`ou, ot, ès, ère, et, ade, ague, nave, ave, au, aa, enx, ocq, ucq, ie, ey, ous, ède, ette,
      on, as, ère, abe, ugue, eilh, in, at, ouy, ast, ère, é, ot, ou, ès, ade, ie, et, ey, astan, aà, ay`),
    middleChance: 0.75,
    syllables: { consonants: 'b, c, d, g, l, m, n, p, r, s, t, rr, h', vowels: 'a, e, i, o, ou, é' },
  },
  BASQUE: {
    heads:
      words(`Etche, Etxe, Iri, Iru, Harri, Ithurr, Iturri, Garai, Larr, Larra, Elis, Elich, Ur, Gor, Mendi,
      Oyh, Oih, Ola, Bide, Sor, Zubi, Ech, Goyh, Ibar, Hegi, Arb, Aran, Bel, Eyhe, Ospi, Haram, Hiri, Ain,
      Amez, Apez, Berho, Duh, Erre, Gara, Inch, Jaure, Lohi, Oxan, Sala, Uhal, Zaba`),
    middles: words(
      `be, ba, go, gu, ri, ra, ar, bar, zar, ta, te, ga, gi, mendi, berri, txe, tche, ondo, aga`,
    ),
    endings:
      words(`ry, berry, garay, gorry, goyen, bide, alde, arte, ondo, eta, egui, éguy, buru, barne, etche,
      aga, art, ain, borde, mendy, ola, ena, ritz, çabal, pé, oy, gain, uy, ague, garay, art, ry`),
    middleChance: 0.75,
    syllables: { consonants: 'b, d, g, k, l, m, n, r, s, t, tx, tz, x, rr, h', vowels: 'a, e, i, o, u' },
  },
  SPANISH: {
    heads: words(`Al, Bal, Car, Cas, Del, Es, Fer, Gal, Gar, Her, Lor, Mar, Mor, Nav, Or, Pal, Pas, Quin, Ram,
      Rod, Sal, San, Ser, Tor, Val, Vel, Vil, Bar, Cer, Mon, Ped, Sol, Riv, Cam, Cab, Agu, Ben, Mel`),
    middles: words(`a, e, i, o, ar, er, or, an, en, al, ul, ill, rr, nd, ec, iz, ab, ot`),
    endings: words(`ez, ado, ero, era, illo, ales, ana, eda, ejo, ino, ina, uela, ón, ía, iz, ares, anes, edo,
      ano, aza, ieta, oso`),
    middleChance: 0.75,
    syllables: { consonants: 'b, c, d, g, l, m, n, r, s, t, ll, ñ', vowels: 'a, e, i, o, u' },
  },
  PORTUGUESE: {
    heads:
      words(`Al, Ar, Bra, Cal, Car, Cor, Fa, Fer, Fon, Gou, Gui, Lou, Mach, Mar, Mes, Mon, Per, Pin, Quei,
      Rib, Sal, Sar, Tei, Val, Vas, Ver, Bar, Cas, Cu, Fig, Go, Lei, Mo, Nu, Ro, Sim, Tav`),
    middles: words(`a, e, i, o, ei, ou, ar, er, al, an, ic, rr, lh, nh, ç`),
    endings: words(
      `eira, eiro, es, ado, inho, inha, ão, ães, osa, oso, edo, ento, ante, ela, ais, ões, ura, ino`,
    ),
    middleChance: 0.75,
    syllables: { consonants: 'b, c, d, g, l, m, n, r, s, t, lh, nh', vowels: 'a, e, i, o, u, ei' },
    prefixes: words(`Da, Dos, De, Das`),
    prefixChance: 0.12,
  },
  ITALIAN: {
    heads: words(
      `Bar, Bel, Bon, Cal, Cas, Col, Fer, Gal, Lom, Mar, Mor, Pa, Pel, Ros, San, Ser, Tor, Val, Vi`,
    ),
    middles: words(`a, e, i, o, ar, er, el, il, an, on, ell, inn, ucc, att`),
    endings: words(`ini, elli, etti, one, ato, ari, ucci, ardi, esi, ino, ano, otti, ese, ero, izzi`),
    middleChance: 0.75,
    syllables: { consonants: 'b, c, d, g, l, m, n, r, s, t, cc, ll, tt', vowels: 'a, e, i, o, u' },
    prefixes: words(`De, Di, La, Lo`),
    prefixChance: 0.08,
  },
  MAGHREB: {
    heads: words(`Ben, Bou, Bel, Ait, Ab, Ham, Kha, Mes, Mok, Rah, Sal, Ya, Zi, Che, Dja, Fe, Ha, Ka, La, Ma,
      Ne, Ou, Sa, Ta, Za, Ber, Bra, Mou`),
    middles:
      words(`ali, amar, aziz, brahim, djilali, hamid, kader, mansour, nacer, saïd, slimane, tayeb, yahia,
      zerr, mokh, khal, rach, moul, ham, kas, lak, har, mer, nad, ch, dj`),
    endings: words(`i, ani, aoui, ouche, ane, iri, a, ia, ene, ache, ali, oun, i, i, ani`),
    middleChance: 0.75,
    syllables: { consonants: 'b, d, f, h, k, l, m, n, r, s, t, z, ch, dj, kh', vowels: 'a, i, ou' },
    prefixes: words(`El, Ben, Ait, Ould`),
    prefixChance: 0.12,
  },
  TURKISH: {
    heads: words(
      `Ak, Kara, Yil, Öz, Oz, Er, Gül, Kay, Dem, Tek, Ay, Bul, Can, Çak, Kur, Sen, Tas, Uz, Gök, Bay`,
    ),
    middles: words(`a, e, i, ir, an, al, ar`),
    endings: words(
      `soy, can, tas, dag, kaya, demir, türk, oglu, man, er, han, kan, dogan, yildiz, çelik, gün`,
    ),
    middleChance: 0.75,
    syllables: { consonants: 'b, c, d, g, k, l, m, n, r, s, t, y, z', vowels: 'a, e, i, o, u, ü' },
  },
  WEST_AFRICAN: {
    heads: words(`Dia, Kou, Sou, Ba, Ke, Ma, Sa, Ca, Di, To, Ndi, Fo, Ko, Sy, Ta, Dou, Ga, Mba, Ni, Se, Wa`),
    middles: words(`ra, ma, ka, la, li, ba, ni, ssa, kou, ya, ga`),
    endings: words(
      `llo, ré, né, ra, ta, ssé, kité, baye, ye, ko, mé, bo, ba, fana, ra, aye, ssa, té, yé, ki`,
    ),
    middleChance: 0.75,
    syllables: { consonants: 'b, d, f, g, k, l, m, n, s, t, y, mb, nd', vowels: 'a, e, i, o, ou' },
  },
};

/** Streets of the kind found in the CCLO's towns and villages. */
export const STREETS =
  words(`rue Gambetta, avenue de la République, rue du Bourg, chemin de Castéra, route de Pau,
  avenue Charles de Gaulle, rue des Pyrénées, place de la Mairie, rue Jean Jaurès, allée des Chênes, rue du Gave,
  chemin des Écoliers, rue de l'Église, route de Bayonne, avenue Francis Jammes, rue Moncade, rue Saint-Pierre,
  rue du Pont-Vieux, avenue du Béarn, chemin de Lasbordes, rue des Écoles, impasse des Vignes, rue Henri IV,
  boulevard des Pommes, place d'Armes, rue Bourg-Vieux, chemin du Moulin, rue des Lilas, allée des Tilleuls,
  avenue de Lacq, rue de la Poste, chemin de la Saligue, route d'Orthez, rue Gaston Fébus, rue Jeanne d'Albret,
  rue de l'Industrie, place du Foirail, avenue du Président Kennedy, rue Pierre Mendès France, chemin de Baure,
  rue des Acacias, rue Lapassade, cité des Fleurs, résidence Les Pins, résidence du Parc, rue du Stade,
  chemin de l'Ayguelongue, rue de Billère, avenue Pierre Angot, rue du Tucoulet, chemin du Lanot`);

/** Where people were born, besides the communes of the territory. */
export const BIRTH_PLACES_FRANCE = words(`Pau, Orthez, Mourenx, Oloron-Sainte-Marie, Bayonne, Biarritz, Dax,
  Mont-de-Marsan, Tarbes, Bordeaux, Toulouse, Paris, Lourdes, Salies-de-Béarn, Lescar, Billère, Lons, Anglet,
  Saint-Palais, Mauléon-Licharre, Navarrenx, Sauveterre-de-Béarn, Lyon, Marseille, Agen, Auch, Nantes, Lille`);

export const BIRTH_PLACES_ABROAD: Partial<Record<Origin, readonly string[]>> = {
  SPANISH: words(
    `Saragosse (Espagne), Huesca (Espagne), Pampelune (Espagne), Madrid (Espagne), Séville (Espagne)`,
  ),
  PORTUGUESE: words(
    `Porto (Portugal), Braga (Portugal), Lisbonne (Portugal), Viseu (Portugal), Chaves (Portugal)`,
  ),
  MAGHREB: words(`Alger (Algérie), Oran (Algérie), Tizi Ouzou (Algérie), Casablanca (Maroc), Oujda (Maroc),
    Fès (Maroc), Tunis (Tunisie), Sfax (Tunisie)`),
  TURKISH: words(`Ankara (Turquie), Istanbul (Turquie), Kayseri (Turquie), Konya (Turquie)`),
  WEST_AFRICAN: words(
    `Dakar (Sénégal), Bamako (Mali), Abidjan (Côte d'Ivoire), Conakry (Guinée), Kayes (Mali)`,
  ),
};

/** Social landlords named as current landlord of social tenants. */
export const SOCIAL_LANDLORD_NAMES = [
  "Office 64 de l'Habitat",
  'Béarnaise Habitat',
  'CDC Habitat Social',
  'Habitelem',
  "Office Palois de l'Habitat",
  'COL',
];
